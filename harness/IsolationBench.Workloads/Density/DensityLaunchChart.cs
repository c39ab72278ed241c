using IsolationBench.Reporting.Charts;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Reporting;
using ScottPlot;

namespace IsolationBench.Workloads.Density;

/// <summary>density-launch: per mode, containers per second (whole lifecycles) against how many were launched at once.</summary>
public static class DensityLaunchChart
{
    public const string Name = "density-launch";

    public static IReadOnlyList<string> Render(RunAnalysis a, string directory)
    {
        var points = DensityAnalysis.From(a).Launch.Where(l => double.IsFinite(l.Throughput) && l.Throughput > 0).ToList();
        if (points.Count == 0)
        {
            return [];
        }

        // A host process launches ~100× faster than a container: past a tenfold spread a linear axis would flatten the containers.
        var positive = points.Select(p => p.Throughput).Where(v => v > 0).ToList();
        var log = positive.Count > 0 && positive.Max() / positive.Min() > 10;
        Func<double, double> y = log ? Math.Log10 : v => v;
        using var plot = ChartStyle.NewPlot("Density: launch throughput vs concurrency (create → ready → remove)", a.Manifest);
        foreach (var group in points.GroupBy(p => p.Mode))
        {
            var line = plot.Add.Scatter(group.Select(p => Math.Log2(p.Concurrency)).ToArray(), group.Select(p => y(p.Throughput)).ToArray());
            line.Color = ChartStyle.ModeColor(a.Modes, group.Key);
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = group.Key;
        }

        var xTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var k in points.Select(p => p.Concurrency).Distinct().Order())
        {
            xTicks.AddMajor(Math.Log2(k), k.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        plot.Axes.Bottom.TickGenerator = xTicks;
        plot.XLabel("K launched at once (log scale)");
        plot.YLabel("containers per second (median over rounds" + (log ? ", log scale)" : ")"));
        if (log)
        {
            ChartStyle.LogTicks(plot.Axes.Left, positive.Min(), positive.Max(), IsolationBench.Reporting.Output.Fmt.Value);
            plot.Axes.SetLimitsY(Math.Floor(Math.Log10(positive.Min())), Math.Ceiling(Math.Log10(positive.Max())));
        }
        else
        {
            plot.Axes.SetLimitsY(0, points.Max(p => p.Throughput) * 1.1);
        }

        plot.ShowLegend(Edge.Right);
        return ChartStyle.Save(plot, directory, Name);
    }
}
