using IsolationBench.Reporting.Charts;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Reporting;
using IsolationBench.Results;
using ScottPlot;

namespace IsolationBench.Workloads.App;

/// <summary>app-load: per mode, requests per second under the steady load (median over containers, its interval as a whisker), p50/p99 latency in the label.</summary>
public static class AppLoadChart
{
    public const string Name = "app-load";

    public static IReadOnlyList<string> Render(RunAnalysis a, string directory)
    {
        ArgumentNullException.ThrowIfNull(a);
        var rows = AppAnalysis.From(a).Rows.Where(r => r[AppMetrics.Throughput] is { } t && double.IsFinite(t.Statistics.Median)).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        using var plot = ChartStyle.NewPlot("App: requests per second under steady load (8 connections), p50/p99 latency", a.Manifest);
        var max = 0.0;
        var yTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (r, i) in rows.Select((r, i) => (r, i)))
        {
            var y = rows.Count - 1 - i;
            var t = r[AppMetrics.Throughput]!.Statistics;
            var bar = plot.Add.Bar(new Bar { Position = y, ValueBase = 0, Value = t.Median, Size = 0.6, FillColor = ChartStyle.ModeColor(a.Modes, r.Mode), LineColor = Colors.White, LineWidth = 1 });
            bar.Horizontal = true;
            if (t.MedianCi.IsKnown)
            {
                var whisker = plot.Add.Line(t.MedianCi.Low, y, t.MedianCi.High, y);
                whisker.LineColor = Colors.Black;
                whisker.LineWidth = 2;
                whisker.MarkerSize = 0;
                max = Math.Max(max, t.MedianCi.High);
            }

            max = Math.Max(max, t.Median);
            var p50 = r[AppMetrics.LatencyP50]?.Statistics.Median ?? double.NaN;
            var p99 = r[AppMetrics.LatencyP99]?.Statistics.Median ?? double.NaN;
            var text = plot.Add.Text($"{Fmt.Value(t.Median)} req/s · p50 {Fmt.Value(p50)} µs · p99 {Fmt.Value(p99)} µs", 0, y + 0.38);
            // From the axis, above the bar: a short bar (a sandbox) would push a label ending at it off the plot.
            text.LabelAlignment = Alignment.LowerLeft;
            text.LabelFontSize = 12;
            yTicks.AddMajor(y, r.Mode);
        }

        plot.Axes.Left.TickGenerator = yTicks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.XLabel("requests per second: median over containers (95 % interval whisker)");
        plot.Axes.SetLimitsX(0, max * 1.1);
        plot.Axes.SetLimitsY(-0.6, rows.Count - 0.1);
        plot.HideGrid();
        plot.Grid.XAxisStyle.IsVisible = true;
        return ChartStyle.Save(plot, directory, Name, height: Math.Max(360, 160 + (rows.Count * 100)));
    }
}
