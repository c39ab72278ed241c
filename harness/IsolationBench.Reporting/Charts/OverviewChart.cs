using IsolationBench.Reporting.Statistics;
using ScottPlot;

namespace IsolationBench.Reporting.Charts;

/// <summary>
/// overview: the whole run in one picture, first in the report. One line per workload metric (startup: its headline,
/// total), one marker per mode at its overhead against the baseline with the 95 % CI as a whisker, on a log axis.
/// Filled marker = significant; open marker = not significant or not judged (too few units).
/// </summary>
internal static class OverviewChart
{
    private const int RowHeight = 16;

    public static IReadOnlyList<string> Render(RunAnalysis a, string directory)
    {
        var modes = a.Modes.Where(m => m != a.Baseline).ToList();
        var lines = Lines(a).Where(l => modes.Any(m => a.Row(l.Workload, l.Metric, m)?.Comparison is not null)).ToList();
        if (lines.Count == 0 || modes.Count == 0)
        {
            return [];
        }

        using var plot = ChartStyle.NewPlot($"Overhead vs {a.Baseline}, every workload (95 % CI)", a.Manifest);
        var extremes = new List<double> { 1.0 };
        var band = modes.Count * RowHeight;
        var legendDone = new HashSet<string>(StringComparer.Ordinal);
        var yTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            var center = -i * (band + 8.0);
            yTicks.AddMajor(center, $"{line.Workload} · {line.Metric}");
            foreach (var (mode, j) in modes.Select((m, j) => (m, j)))
            {
                if (a.Row(line.Workload, line.Metric, mode)?.Comparison is not { } c || !(c.Overhead > 0))
                {
                    continue;
                }

                var y = center + (((modes.Count - 1) / 2.0) - j) * RowHeight;
                var color = ChartStyle.ModeColor(a.Modes, mode);
                ChartStyle.LogWhisker(plot, c.OverheadCi, y, color, extremes);

                var marker = plot.Add.Marker(Math.Log10(c.Overhead), y, c.Significant ? MarkerShape.FilledCircle : MarkerShape.OpenCircle, 9, color);
                if (legendDone.Add(mode))
                {
                    marker.LegendText = IsolationBench.Results.ModeVariants.Label(mode, a.Manifest);
                }

                extremes.Add(c.Overhead);
            }
        }

        var one = plot.Add.VerticalLine(0, 1.5f, Colors.DimGray, LinePattern.Dashed);
        one.LegendText = a.Baseline + " = 1.0";
        plot.Axes.Left.TickGenerator = yTicks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        ChartStyle.LogFactorAxisX(plot, extremes);
        plot.Axes.SetLimitsY(-(lines.Count - 1) * (band + 8.0) - band, band);
        plot.XLabel($"overhead vs {a.Baseline} (×, log scale, > 1 = worse); filled = significant, open = not significant or too few units");
        plot.ShowLegend(Edge.Right);
        plot.HideGrid();
        plot.Grid.XAxisStyle.IsVisible = true;
        var height = Math.Max(420, 200 + (lines.Count * (band + 8)));
        return ChartStyle.Save(plot, directory, ChartNames.Overview, ChartStyle.Width, height);
    }

    /// <summary>Startup's headline, then every metric of every other workload, in the report's order.</summary>
    public static IEnumerable<(string Workload, string Metric)> Lines(RunAnalysis a)
    {
        foreach (var workload in a.Workloads)
        {
            var metrics = a.HeadlineOf(workload) is { } headline ? [headline] : a.MetricsOf(workload);
            foreach (var metric in metrics)
            {
                yield return (workload, metric);
            }
        }
    }
}
