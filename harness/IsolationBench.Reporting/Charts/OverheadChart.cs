using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using ScottPlot;

namespace IsolationBench.Reporting.Charts;

/// <summary>overhead-&lt;workload&gt;: per metric, one bar per mode = overhead factor vs baseline, 95 % CI whiskers, line at 1.0.</summary>
internal static class OverheadChart
{
    /// <summary>Above this spread of factors a linear axis flattens everything but the largest bar.</summary>
    public const double LogThreshold = 10;

    public static IReadOnlyList<string> Render(RunAnalysis a, string workload, string directory)
    {
        var modes = a.Modes.Where(m => m != a.Baseline).ToList();
        var metrics = a.MetricsOf(workload)
            .Where(metric => modes.Any(mode => a.Row(workload, metric, mode)?.Comparison is not null))
            .ToList();
        if (metrics.Count == 0)
        {
            return [];
        }

        var comparisons = metrics.SelectMany(metric => modes.Select(mode => a.Row(workload, metric, mode)?.Comparison)).OfType<BaselineComparison>().ToList();
        var extremes = comparisons.SelectMany(c => new[] { c.Overhead, c.OverheadCi.Low, c.OverheadCi.High, 1.0 })
            .Where(v => double.IsFinite(v) && v > 0).ToList();
        var log = extremes.Max() / extremes.Min() > LogThreshold;
        Func<double, double> y = log ? Math.Log10 : v => v;

        using var plot = ChartStyle.NewPlot($"{Title(a, workload)}: overhead vs {a.Baseline} (median ratio, 95 % CI)", a.Manifest);
        foreach (var (mode, j) in modes.Select((m, j) => (m, j)))
        {
            AddBars(plot, a, workload, metrics, modes, mode, j, y);
        }

        var one = plot.Add.HorizontalLine(y(1.0), 1.5f, Colors.DimGray, LinePattern.Dashed);
        one.LegendText = a.Baseline + " = 1.0";

        var xTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (metric, i) in metrics.Select((m, i) => (m, i)))
        {
            xTicks.AddMajor(i, metric + "\n(" + a.RowsOf(workload).First(r => r.Metric == metric).Unit + ")");
        }

        plot.Axes.Bottom.TickGenerator = xTicks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.XLabel("metric (unit); faded bar = not significant");
        plot.YLabel($"overhead vs {a.Baseline} (×, > 1 = worse{(log ? ", log scale" : string.Empty)})");
        var top = extremes.Max();
        if (log)
        {
            ChartStyle.LogTicks(plot.Axes.Left, extremes.Min(), top, v => Fmt.Factor(v) + "×");
            plot.Axes.SetLimitsY(Math.Min(0, Math.Log10(extremes.Min())) - 0.12, Math.Log10(top) + 0.35);
        }
        else
        {
            plot.Axes.SetLimitsY(0, top * 1.15);
        }

        plot.Axes.SetLimitsX(-0.6, metrics.Count - 0.4);
        plot.ShowLegend(Edge.Right);
        plot.HideGrid();
        plot.Grid.YAxisStyle.IsVisible = true;
        var width = Math.Max(ChartStyle.Width, 260 + (metrics.Count * modes.Count * 70));
        return ChartStyle.Save(plot, directory, ChartNames.Overhead(workload), width);
    }

    /// <summary>One mode's bars (one per metric it has a comparison on) with their 95 % CI whiskers.</summary>
    private static void AddBars(Plot plot, RunAnalysis a, string workload, List<string> metrics, List<string> modes, string mode, int j, Func<double, double> y)
    {
        var slot = 0.8 / modes.Count;

        // Log bars grow from 1.0 (up = worse, down = better); linear bars from 0 so heights compare.
        var floor = 0.0;
        var bars = new List<Bar>();
        var xs = new List<double>();
        var ys = new List<double>();
        var lows = new List<double>();
        var highs = new List<double>();
        foreach (var (metric, i) in metrics.Select((m, i) => (m, i)))
        {
            if (a.Row(workload, metric, mode)?.Comparison is not { } c)
            {
                continue;
            }

            var x = i + ((j - ((modes.Count - 1) / 2.0)) * slot);
            bars.Add(new Bar
            {
                Position = x,
                Value = y(c.Overhead),
                ValueBase = floor,
                Size = slot * 0.9,
                FillColor = ChartStyle.ModeColor(a.Modes, mode).WithAlpha(c.Significant ? 1.0 : 0.45),
                LineWidth = 0,
                Label = Fmt.Factor(c.Overhead) + "×",
            });
            if (c.OverheadCi.IsKnown)
            {
                xs.Add(x);
                ys.Add(y(c.Overhead));
                lows.Add(y(c.Overhead) - y(Math.Max(c.OverheadCi.Low, double.Epsilon)));
                highs.Add(y(c.OverheadCi.High) - y(c.Overhead));
            }
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.LegendText = IsolationBench.Results.ModeVariants.Label(mode, a.Manifest);
        barPlot.Color = ChartStyle.ModeColor(a.Modes, mode);
        barPlot.ValueLabelStyle.FontSize = 12;
        ChartStyle.IntervalBars(plot, xs, ys, lows, highs);
    }

    private static string Title(RunAnalysis a, string workload) => a.DescriptorOf(workload)?.Title ?? "Workload " + workload;
}
