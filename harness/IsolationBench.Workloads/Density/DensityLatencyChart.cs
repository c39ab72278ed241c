using IsolationBench.Reporting.Charts;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Reporting;
using ScottPlot;

namespace IsolationBench.Workloads.Density;

/// <summary>density-start-latency: per mode, p50 (circles) and p95 (squares, lighter) start latency of the starts that took the ladder to N.</summary>
public static class DensityLatencyChart
{
    public const string Name = "density-start-latency";

    public static IReadOnlyList<string> Render(RunAnalysis a, string directory)
    {
        var points = DensityAnalysis.From(a).Latency;
        if (points.Count == 0)
        {
            return [];
        }

        using var plot = ChartStyle.NewPlot("Density: start latency (create → ready) as containers pile up", a.Manifest);
        foreach (var group in points.GroupBy(p => p.Mode))
        {
            var color = ChartStyle.ModeColor(a.Modes, group.Key);
            var xs = group.Select(p => Math.Log2(p.Alive)).ToArray();
            var p50 = plot.Add.Scatter(xs, group.Select(p => p.P50).ToArray());
            p50.Color = color;
            p50.LineWidth = 2;
            p50.MarkerSize = 7;
            p50.LegendText = group.Key + " p50";
            var p95 = plot.Add.Scatter(xs, group.Select(p => p.P95).ToArray());
            p95.Color = color.WithAlpha(0.55);
            p95.MarkerShape = MarkerShape.FilledSquare;
            p95.LineWidth = 2;
            p95.MarkerSize = 5;
            p95.LegendText = group.Key + " p95";
        }

        var xTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var n in points.Select(p => p.Alive).Distinct().Order())
        {
            xTicks.AddMajor(Math.Log2(n), n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        plot.Axes.Bottom.TickGenerator = xTicks;
        plot.XLabel("ladder step N (the starts k after the previous step, up to N; log scale)");
        plot.YLabel("start latency (ms)");
        plot.Axes.SetLimitsY(0, points.Max(p => p.P95) * 1.1);
        plot.ShowLegend(Edge.Right);
        return ChartStyle.Save(plot, directory, Name);
    }
}
