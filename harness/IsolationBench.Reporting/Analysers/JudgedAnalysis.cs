using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Analysers;

/// <summary>
/// The one thing every output reads: the analysis with the analysers' conclusions applied. A refusal here is a
/// refusal in report.md, index.html, summary.csv, the benchmark-action files, the history and the console alike.
/// </summary>
/// <param name="Analysis">every row as measured, referee rows included: the tables and summary.csv show their figures.</param>
/// <param name="ForVerdicts">referee rows left out and every refused row without a comparison: verdicts, charts, exports.</param>
/// <param name="Verdicts">one sentence per mode and workload, then one per refusal.</param>
public sealed record JudgedAnalysis(
    RunAnalysis Analysis,
    RunAnalysis ForVerdicts,
    IReadOnlyList<Verdict> Verdicts,
    Conclusions Conclusions)
{
    /// <summary>The run directory the analysis was read from.</summary>
    public string RunPath { get; init; } = string.Empty;

    /// <summary>Every sample read, excluded modes included (the engine-clock and BenchmarkDotNet cross-checks read them).</summary>
    public IReadOnlyList<Sample> AllSamples { get; init; } = [];

    public IReadOnlyList<string> Warnings => Conclusions.Warnings;

    public IReadOnlyList<Refusal> Refusals => Conclusions.Refusals;

    public IReadOnlyList<string> DesignChecks => Conclusions.DesignChecks;

    /// <summary>Why the row's comparison is not judged by an analyser; null when none refused it.</summary>
    public string? RefusalOf(string workload, string metric, string mode) =>
        Refusals.FirstOrDefault(r => r.Workload == workload && r.Metric == metric && r.Mode == mode)?.Reason;

    public string? RefusalOf(MetricRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return RefusalOf(row.Workload, row.Metric, row.Mode);
    }

    /// <summary>Significant in every output only where the report judges it: a refused row never is.</summary>
    public bool IsSignificant(MetricRow row) => row?.Comparison is { Significant: true } && RefusalOf(row) is null;

    /// <summary>Why no verdict is given on the row (no ratio, refused, withheld), empty when it is judged: summary.csv's not_judged.</summary>
    public string NotJudged(MetricRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.NoRatio ?? RefusalOf(row) ?? row.Comparison?.Withheld ?? string.Empty;
    }

    /// <summary>Every row as measured (referees included) with each refused row's comparison taken away: for tables that show figures.</summary>
    public RunAnalysis WithRefusedWithheld() =>
        Refusals.Count == 0 ? Analysis : Analysis with { Rows = [.. Analysis.Rows.Select(r => RefusalOf(r) is null ? r : r with { Comparison = null })] };

    /// <summary>The row's comparison where it is judged; null where a refusal withholds it.</summary>
    public BaselineComparison? JudgedComparison(MetricRow row) => RefusalOf(row) is null ? row.Comparison : null;
}
