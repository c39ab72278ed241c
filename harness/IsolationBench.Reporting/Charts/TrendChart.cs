using System.Globalization;
using IsolationBench.Reporting.History;
using IsolationBench.Reporting.Output;
using ScottPlot;

namespace IsolationBench.Reporting.Charts;

/// <summary>
/// trend-&lt;workload&gt;: the overhead factor vs the baseline per mode over time (x = run date), one line per mode
/// (and metric, for guest workloads; startup shows its headline "total"), the 95 % CI as a band. Reads the history,
/// never re-measures.
/// </summary>
internal static class TrendChart
{
    private static readonly ScottPlot.Palettes.Category10 Palette = new();
    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    public static string Name(string workload) => "trend-" + ChartNames.Slug(workload);

    /// <param name="history">every run's rows.</param>
    /// <param name="workload">the workload to draw.</param>
    /// <param name="baseline">the mode the overheads divide by.</param>
    /// <param name="directory">where the PNG and SVG go.</param>
    /// <param name="headline">(title, metric): a workload whose verdict is its headline (startup: "starts … slower") trends on that metric alone, titled so; null: every metric, "Workload NAME".</param>
    public static IReadOnlyList<string> Render(IReadOnlyList<HistoryRow> history, string workload, string baseline, string directory, (string Title, string Metric)? headline = null)
    {
        var rows = history
            .Where(r => r.Workload == workload && r.Baseline == baseline && r.Mode != baseline && double.IsFinite(r.Overhead) && r.Overhead > 0)
            .Where(r => headline is null || r.Metric == headline.Value.Metric)
            .ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var series = rows.GroupBy(r => (r.Mode, r.Metric)).OrderBy(g => g.Key.Mode, StringComparer.Ordinal).ThenBy(g => g.Key.Metric, StringComparer.Ordinal).ToList();
        var modes = series.Select(s => s.Key.Mode).Distinct().ToList();
        var values = rows.SelectMany(r => new[] { r.Overhead, r.OverheadCiLow, r.OverheadCiHigh, 1.0 }).Where(v => double.IsFinite(v) && v > 0).ToList();
        var log = values.Max() / values.Min() > OverheadChart.LogThreshold;
        Func<double, double> y = log ? Math.Log10 : v => v;

        using var plot = new Plot();
        plot.Title($"{(headline is { } h ? $"{h.Title} ({h.Metric})" : "Workload " + workload)}: overhead vs {baseline} over time", size: 18);
        var latest = rows.MaxBy(r => r.RunDateUtc)!;
        var sub = new ScottPlot.Panels.TitlePanel();
        sub.Label.Text = string.Create(CultureInfo.InvariantCulture,
            $"{latest.Host}: {latest.Os} · engine {latest.EngineVersion} · {rows.Select(r => r.RunId).Distinct().Count()} run(s) · band = 95 % CI");
        sub.Label.FontSize = 12;
        sub.Label.Bold = false;
        sub.Label.ForeColor = Colors.DimGray;
        plot.Axes.AddPanel(sub);

        foreach (var group in series)
        {
            AddSeries(plot, group, series, modes, headline is not null, y);
        }

        var one = plot.Add.HorizontalLine(y(1.0), 1.5f, Colors.DimGray, LinePattern.Dashed);
        one.LegendText = baseline + " = 1.0";
        // ISO dates: the invariant culture would print 11/29/2026, which half the world reads the wrong way.
        var dateAxis = plot.Axes.DateTimeTicksBottom();
        if (dateAxis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic automatic)
        {
            automatic.LabelFormatter = d => d.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        }

        plot.XLabel("run date (UTC)");
        plot.YLabel($"overhead vs {baseline} (×, > 1 = worse{(log ? ", log scale" : string.Empty)})");
        if (log)
        {
            ChartStyle.LogTicks(plot.Axes.Left, values.Min(), values.Max(), v => Fmt.Factor(v) + "×");
        }

        var dates = rows.Select(r => r.RunDateUtc.UtcDateTime.ToOADate()).ToList();
        var pad = Math.Max((dates.Max() - dates.Min()) * 0.05, 0.5);
        plot.Axes.SetLimitsX(dates.Min() - pad, dates.Max() + pad);
        var lo = y(values.Min());
        var hi = y(values.Max());
        var margin = Math.Max((hi - lo) * 0.1, log ? 0.05 : 0.05 * hi);
        plot.Axes.SetLimitsY(log ? lo - margin : Math.Max(0, lo - margin), hi + margin);
        plot.ShowLegend(Edge.Right);
        return ChartStyle.Save(plot, directory, Name(workload));
    }

    /// <summary>One (mode, metric)'s line over the runs, its 95 % CI as a band (one point: a whisker).</summary>
    private static void AddSeries(
        Plot plot, IGrouping<(string Mode, string Metric), HistoryRow> group, List<IGrouping<(string Mode, string Metric), HistoryRow>> series, List<string> modes, bool oneMetric, Func<double, double> y)
    {
        var points = group.GroupBy(r => r.RunId).Select(g => g.First()).OrderBy(r => r.RunDateUtc).ToList();
        var xs = points.Select(p => p.RunDateUtc.UtcDateTime.ToOADate()).ToArray();
        var ys = points.Select(p => y(p.Overhead)).ToArray();
        var color = Palette.GetColor(modes.IndexOf(group.Key.Mode) + 1);
        var metricIndex = series.Where(s => s.Key.Mode == group.Key.Mode).Select(s => s.Key.Metric).ToList().IndexOf(group.Key.Metric);
        var known = points.Where(p => double.IsFinite(p.OverheadCiLow) && double.IsFinite(p.OverheadCiHigh) && p.OverheadCiLow > 0).ToList();
        if (known.Count >= 2)
        {
            var band = plot.Add.FillY(
                known.Select(p => p.RunDateUtc.UtcDateTime.ToOADate()).ToArray(),
                known.Select(p => y(p.OverheadCiHigh)).ToArray(),
                known.Select(p => y(p.OverheadCiLow)).ToArray());
            band.FillStyle.Color = color.WithAlpha(0.18);
            band.LineWidth = 0;
        }
        else if (known.Count == 1)
        {
            var p = known[0];
            var err = plot.Add.ErrorBar(
                [p.RunDateUtc.UtcDateTime.ToOADate()], [y(p.Overhead)], [y(p.OverheadCiHigh) - y(p.Overhead)]);
            err.YErrorNegative = [y(p.Overhead) - y(p.OverheadCiLow)];
            err.Color = color;
        }

        var line = plot.Add.Scatter(xs, ys);
        line.Color = color;
        line.LineWidth = 2;
        line.MarkerSize = 7;
        line.LinePattern = Patterns[Math.Max(0, metricIndex) % Patterns.Length];
        line.LegendText = oneMetric ? group.Key.Mode : $"{group.Key.Mode} · {group.Key.Metric}";
    }
}
