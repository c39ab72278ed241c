using IsolationBench.Reporting.Charts;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Reporting;
using IsolationBench.Results;
using ScottPlot;

namespace IsolationBench.Workloads.App;

/// <summary>
/// app-cold-start: per mode one horizontal bar, the median of each cold-start phase stacked in order (engine start,
/// in-container client's start where there was one, process up, first response), the median total written at its end.
/// Medians of phases need not add up to the median total: the label gives the total's own median.
/// </summary>
public static class AppColdStartChart
{
    public const string Name = "app-cold-start";

    private static readonly (string Metric, string Label, Color Color)[] Phases =
    [
        (AppMetrics.EngineStart, "engine start (create + start)", Colors.SteelBlue),
        (AppMetrics.ClientUp, "in-container client up", Colors.Gray),
        (AppMetrics.ProcessUp, "service process up (ready line)", Colors.Orange),
        (AppMetrics.FirstResponse, "first response (ready → first 200)", Colors.SeaGreen),
    ];

    public static IReadOnlyList<string> Render(RunAnalysis a, string directory)
    {
        ArgumentNullException.ThrowIfNull(a);
        var rows = AppAnalysis.From(a).Rows.Where(r => r[AppMetrics.ColdStartTotal] is not null).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        using var plot = ChartStyle.NewPlot("App: cold start to first response, phases stacked (median per phase)", a.Manifest);
        var max = 0.0;
        foreach (var (metric, label, color) in Phases)
        {
            var bars = new List<Bar>();
            foreach (var (r, i) in rows.Select((r, i) => (r, i)))
            {
                var from = Phases.TakeWhile(p => p.Metric != metric).Sum(p => Median(r[p.Metric]));
                var value = Median(r[metric]);
                if (value > 0)
                {
                    bars.Add(new Bar { Position = rows.Count - 1 - i, ValueBase = from, Value = from + value, Size = 0.6, FillColor = color, LineColor = Colors.White, LineWidth = 1 });
                }
            }

            if (bars.Count > 0)
            {
                var series = plot.Add.Bars(bars);
                series.Horizontal = true;
                series.LegendText = label;
                series.Color = color;
            }
        }

        var yTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (r, i) in rows.Select((r, i) => (r, i)))
        {
            var y = rows.Count - 1 - i;
            var stacked = Phases.Sum(p => Median(r[p.Metric]));
            var total = r[AppMetrics.ColdStartTotal]!.Statistics.Median;
            max = Math.Max(max, Math.Max(stacked, total));
            var text = plot.Add.Text($"total {Fmt.Value(total)} ms ({r.ClientPath})", stacked, y + 0.38);
            text.LabelAlignment = Alignment.LowerRight;
            text.LabelFontSize = 12;
            yTicks.AddMajor(y, r.Mode);
        }

        plot.Axes.Left.TickGenerator = yTicks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.XLabel("time (ms): median over containers");
        plot.Axes.SetLimitsX(0, max * 1.1);
        plot.Axes.SetLimitsY(-0.6, rows.Count - 0.1);
        plot.ShowLegend(Edge.Bottom);
        plot.HideGrid();
        plot.Grid.XAxisStyle.IsVisible = true;
        return ChartStyle.Save(plot, directory, Name, height: Math.Max(360, 160 + (rows.Count * 100)));
    }

    private static double Median(MetricRow? row) => row is not null && double.IsFinite(row.Statistics.Median) ? Math.Max(0, row.Statistics.Median) : 0;
}
