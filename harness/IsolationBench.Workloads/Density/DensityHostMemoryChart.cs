using IsolationBench.Reporting.Charts;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Reporting;
using ScottPlot;

namespace IsolationBench.Workloads.Density;

/// <summary>density-host-memory: host memory in total with N alive, per mode: MemAvailable drop (circles) and PSS (squares, lighter), MiB.
/// Told apart by marker and shade, not by dashes: the SVG export drops dash patterns.</summary>
public static class DensityHostMemoryChart
{
    public const string Name = "density-host-memory";

    public static IReadOnlyList<string> Render(RunAnalysis a, string directory)
    {
        var points = DensityAnalysis.From(a).HostMemory;
        if (points.Count == 0)
        {
            return [];
        }

        using var plot = ChartStyle.NewPlot("Density: host memory with N idle containers alive (total)", a.Manifest);
        foreach (var group in points.GroupBy(p => p.Mode))
        {
            var color = ChartStyle.ModeColor(a.Modes, group.Key);
            Line(plot, group.Where(p => double.IsFinite(p.AvailableDropMib)).Select(p => (p.Alive, p.AvailableDropMib)), color, MarkerShape.FilledCircle, group.Key + " MemAvailable drop");
            Line(plot, group.Where(p => double.IsFinite(p.PssMib)).Select(p => (p.Alive, p.PssMib)), color.WithAlpha(0.55), MarkerShape.FilledSquare, group.Key + " PSS");
        }

        var xTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var n in points.Select(p => p.Alive).Distinct().Order())
        {
            xTicks.AddMajor(Math.Log2(n), n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        plot.Axes.Bottom.TickGenerator = xTicks;
        plot.XLabel("containers alive (N, log scale)");
        plot.YLabel("host memory in total (MiB)");
        plot.Add.HorizontalLine(0, 1, Colors.DimGray);
        plot.ShowLegend(Edge.Right);
        return ChartStyle.Save(plot, directory, Name);
    }

    private static void Line(Plot plot, IEnumerable<(int Alive, double Mib)> points, Color color, MarkerShape marker, string legend)
    {
        var list = points.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var line = plot.Add.Scatter(list.Select(p => Math.Log2(p.Alive)).ToArray(), list.Select(p => p.Mib).ToArray());
        line.Color = color;
        line.LineWidth = 2;
        line.MarkerShape = marker;
        line.MarkerSize = 7;
        line.LegendText = legend;
    }
}
