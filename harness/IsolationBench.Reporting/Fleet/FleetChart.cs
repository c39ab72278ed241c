using IsolationBench.Reporting.Charts;
using ScottPlot;

namespace IsolationBench.Reporting.Fleet;

/// <summary>
/// fleet: every host side by side. One row per workload metric and mode, one marker per host (its colour and shape) at
/// the mode's overhead against that host's own baseline, the 95 % CI as a whisker, on a log axis.
/// </summary>
internal static class FleetChart
{
    public const string Name = "fleet";
    private const int RowHeight = 14;

    private static readonly MarkerShape[] Shapes =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle, MarkerShape.OpenSquare];

    public static IReadOnlyList<string> Render(FleetAnalysis fleet, string directory)
    {
        var hostNames = fleet.Hosts.Select(h => h.RunId).ToList();
        using var plot = new Plot();
        plot.Title($"Overhead against each host's own baseline, {fleet.Hosts.Count} runs (95 % CI)", size: 18);
        var band = fleet.Hosts.Count * RowHeight;
        var extremes = new List<double> { 1.0 };
        var legendDone = new HashSet<int>();
        var yTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (line, i) in fleet.Lines.Select((l, i) => (l, i)))
        {
            var center = -i * (band + 8.0);
            yTicks.AddMajor(center, $"{line.Workload} · {line.Metric} · {line.Mode}");
            foreach (var (comparison, j) in line.PerHost.Select((c, j) => (c, j)))
            {
                if (comparison is not { Overhead: > 0 } c)
                {
                    continue;
                }

                var y = center + (((fleet.Hosts.Count - 1) / 2.0) - j) * RowHeight;
                var color = ChartStyle.ModeColor(hostNames, hostNames[j]);
                ChartStyle.LogWhisker(plot, c.OverheadCi, y, color, extremes);

                var marker = plot.Add.Marker(Math.Log10(c.Overhead), y, Shapes[j % Shapes.Length], 9, color);
                if (legendDone.Add(j))
                {
                    marker.LegendText = $"{hostNames[j]} (vs {fleet.Hosts[j].Baseline})";
                }

                extremes.Add(c.Overhead);
            }
        }

        plot.Add.VerticalLine(0, 1.5f, Colors.DimGray);
        plot.Axes.Left.TickGenerator = yTicks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        ChartStyle.LogFactorAxisX(plot, extremes);
        plot.Axes.SetLimitsY(-(fleet.Lines.Count - 1) * (band + 8.0) - band, band);
        plot.XLabel("overhead vs the host's own baseline (×, log scale, > 1 = worse)");
        plot.ShowLegend(Edge.Right);
        plot.HideGrid();
        plot.Grid.XAxisStyle.IsVisible = true;
        var height = Math.Max(420, 160 + (fleet.Lines.Count * (band + 8)));
        return ChartStyle.Save(plot, directory, Name, ChartStyle.Width, height);
    }
}
