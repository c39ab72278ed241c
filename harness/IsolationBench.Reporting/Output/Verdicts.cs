using IsolationBench.Reporting.Statistics;
using static IsolationBench.Reporting.Output.Fmt;

namespace IsolationBench.Reporting.Output;

/// <summary>One sentence per mode and workload, e.g. "runsc starts 1.62× slower than host (95 % CI 1.55–1.70)".</summary>
public static class Verdicts
{
    public static IReadOnlyList<Verdict> For(RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var verdicts = new List<Verdict>();
        foreach (var workload in analysis.Workloads)
        {
            foreach (var mode in analysis.Modes.Where(m => m != analysis.Baseline))
            {
                var rows = analysis.RowsOf(workload).Where(r => r.Mode == mode && r.Comparison is not null).ToList();
                if (rows.Count == 0)
                {
                    continue;
                }

                var headline = analysis.HeadlineOf(workload) is { } metric
                    ? rows.FirstOrDefault(r => r.Metric == metric)
                    : null;
                var verdict = headline is not null || rows.Count == 1
                    ? ForRow(headline ?? rows[0], analysis.Baseline, headline is not null ? analysis.PartOf(workload)?.HeadlineVerb : null)
                    : Summary(workload, mode, analysis.Baseline, rows);
                verdicts.Add(IsolationBench.Results.ModeVariants.Of(mode, analysis.Manifest) is { } variant
                    ? verdict with { Sentence = $"{verdict.Sentence} — a variant, less isolated than {variant.Parent}: a diagnostic, not a mode to choose" }
                    : verdict);
            }
        }

        return verdicts;
    }

    /// <param name="row">the row judged.</param>
    /// <param name="baseline">the mode it is compared with.</param>
    /// <param name="headlineVerb">the workload's verb for its headline ("starts"): the sentence then names no metric; null: "is … on workload metric".</param>
    public static Verdict ForRow(MetricRow row, string baseline, string? headlineVerb = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        var c = row.Comparison ?? throw new ArgumentException("row has no comparison", nameof(row));
        var isHeadline = headlineVerb is not null;
        var ci = "95 % CI " + Interval(c.OverheadCi, Factor);
        string sentence;
        if (c.Withheld is { } withheld)
        {
            sentence = $"{row.Mode} against {baseline}{On(row, isHeadline)}: overhead {Factor(c.Overhead)}× ({ci}), not judged: {withheld}";
        }
        else if (!c.Significant)
        {
            sentence = $"{row.Mode} is indistinguishable from {baseline}{On(row, isHeadline)} (overhead {Factor(c.Overhead)}×, {ci}, not significant)";
        }
        else if (c.Overhead >= 1)
        {
            var what = headlineVerb ?? "is";
            var how = row.HigherIsBetter ? "lower throughput than" : "slower than";
            sentence = $"{row.Mode} {what} {Factor(c.Overhead)}× {how} {baseline}{On(row, isHeadline)} ({ci})";
        }
        else
        {
            var what = headlineVerb ?? "is";
            var how = row.HigherIsBetter ? "higher throughput than" : "faster than";
            sentence = $"{row.Mode} {what} {Factor(1 / c.Overhead)}× {how} {baseline}{On(row, isHeadline)} (overhead {Factor(c.Overhead)}×, {ci})";
        }

        return new Verdict(row.Workload, row.Mode, row.Metric, sentence, c.Significant, c.Overhead);
    }

    private static Verdict Summary(string workload, string mode, string baseline, List<MetricRow> rows)
    {
        var significant = rows.Where(r => r.Comparison!.Significant).ToList();
        var geoMean = Math.Exp(rows.Average(r => Math.Log(r.Comparison!.Overhead)));
        if (rows.All(r => r.Comparison!.Withheld is not null))
        {
            return new Verdict(workload, mode, "*",
                $"{mode} against {baseline} on {workload}: geometric-mean overhead {Factor(geoMean)}× over {rows.Count} metrics, not judged: {rows[0].Comparison!.Withheld}",
                false, geoMean);
        }

        if (significant.Count == 0)
        {
            return new Verdict(workload, mode, "*",
                $"{mode} is indistinguishable from {baseline} on {workload} (none of {rows.Count} metrics significant; geometric-mean overhead {Factor(geoMean)}×)",
                false, geoMean);
        }

        var worst = significant.MaxBy(r => r.Comparison!.Overhead)!;
        var slower = significant.Count(r => r.Comparison!.Overhead > 1);
        var w = worst.Comparison!;
        var sentence = $"{mode} is worse than {baseline} on {slower} of {rows.Count} {workload} metrics "
            + $"(geometric-mean overhead {Factor(geoMean)}×); worst: {worst.Metric} {Factor(w.Overhead)}× "
            + $"(95 % CI {Interval(w.OverheadCi, Factor)})";
        if (slower == 0)
        {
            sentence = $"{mode} is better than {baseline} on {significant.Count} of {rows.Count} {workload} metrics and worse on none "
                + $"(geometric-mean overhead {Factor(geoMean)}×)";
        }

        return new Verdict(workload, mode, "*", sentence, true, geoMean);
    }

    private static string On(MetricRow row, bool isHeadline) => isHeadline ? string.Empty : $" on {row.Workload} {row.Metric}";
}
