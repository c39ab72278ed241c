using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Workloads;

namespace IsolationBench.Reporting.Analysers;

/// <summary>Analysis → analysers → one <see cref="JudgedAnalysis"/>. Pure apart from the analysers reading the run directory.</summary>
public static class Judge
{
    public static JudgedAnalysis Run(AnalyserInput input, IReadOnlyList<WorkloadReport> workloads)
    {
        ArgumentNullException.ThrowIfNull(input);
        var conclusions = AnalyserPipeline.Run(input, workloads);
        var forVerdicts = ForVerdicts(input.Analysis, conclusions);
        return new JudgedAnalysis(input.Analysis, forVerdicts, [.. Verdicts.For(forVerdicts), .. RefusalSentences(conclusions.Refusals)], conclusions)
        {
            RunPath = input.RunPath,
            AllSamples = input.AllSamples,
        };
    }

    /// <summary>The referees' rows left out, every refused row without a comparison: no sentence or bar states a ratio that is not like for like.</summary>
    public static RunAnalysis ForVerdicts(RunAnalysis a, Conclusions conclusions)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(conclusions);
        var refused = conclusions.Refusals.Select(r => (r.Workload, r.Metric, r.Mode)).ToHashSet();
        var rows = a.Rows
            .Where(r => !conclusions.Referees.Any(f => f.Workload == r.Workload && f.IsRefereeMetric(r.Metric)))
            .Select(r => refused.Contains((r.Workload, r.Metric, r.Mode)) ? r with { Comparison = null } : r)
            .ToList();
        return a with { Rows = rows };
    }

    /// <summary>One "no verdict" sentence per refusal, after the verdicts: workload by workload as concluded, each by mode then metric.</summary>
    private static IEnumerable<Verdict> RefusalSentences(IReadOnlyList<Refusal> refusals) =>
        refusals.GroupBy(r => r.Workload, StringComparer.Ordinal)
            .SelectMany(g => g.OrderBy(r => r.Mode, StringComparer.Ordinal).ThenBy(r => r.Metric, StringComparer.Ordinal))
            .Select(r => new Verdict(r.Workload, r.Mode, r.Metric, $"{r.Mode} on {r.Workload} {r.Metric}: no verdict, {r.Reason}", false, double.NaN));
}
