using System.Globalization;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;
using static IsolationBench.Reporting.Output.Fmt;

namespace IsolationBench.Reporting.CrossCheck;

/// <summary>
/// The report's "BenchmarkDotNet cross-check" section: BDN's lifecycle figures beside the harness's startup total,
/// per mode, and one sentence per mode saying whether they agree within 10 %.
/// </summary>
public sealed record EngineBenchSection(IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Findings, bool AllAgree)
{
    public static readonly string[] TableHeader =
        ["mode", "BDN n", "BDN median (ms)", "BDN mean ± CI (ms)", "BDN ratio", "harness median total (ms)", "BDN vs harness", "95 % CI of the difference", "within 10 %?"];

    public const string Explanation =
        "BenchmarkDotNet (benchmarks/IsolationBench.Benchmarks.Host, RunStrategy.Monitoring, one lifecycle per iteration, outliers kept) "
        + "ran the same probe lifecycle as the harness — create, attach, start, exit, remove through the same engine adapter; host: the probe as a process — "
        + "between the two halves of the harness's startup rounds, so both span the same minutes; both processes run without tiered "
        + "compilation, so no background re-JIT competes with the containers they time. Its median is compared with the harness's "
        + "median startup `total` (create called → remove returned); "
        + "a difference above 10 % means one of the two measurements is wrong — unless the 95 % bootstrap CI of the difference reaches back "
        + "within 10 % (\"within noise\"): then the two medians are too noisy at this sample count to tell. BDN ratio = BDN's Ratio column (mode / host). "
        + "Exports: engine-bench/results/ (JSON full, CSV).";

    /// <summary>The section for a run directory, or null when the run had no --engine-bench.</summary>
    public static EngineBenchSection? Load(string runDirectory, RunAnalysis analysis, IEnumerable<Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var figures = BdnLifecycleReader.Read(runDirectory);
        return figures is null ? null : Build(figures, analysis, samples);
    }

    /// <param name="samples">the run's samples: the harness's side is every ok startup total of the modes the analysis kept (verified ones).</param>
    public static EngineBenchSection? Build(IReadOnlyList<BdnLifecycleFigure> figures, RunAnalysis analysis, IEnumerable<Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.EngineCrossChecked is not { } checkedWorkload)
        {
            return null;
        }

        var totals = HarnessLifecycle.From(samples, checkedWorkload.Workload, checkedWorkload.Metric);
        var harness = analysis.Modes
            .Where(m => analysis.Row(checkedWorkload.Workload, checkedWorkload.Metric, m) is not null)
            .Select(m => totals.FirstOrDefault(t => t.Mode == m) ?? new HarnessLifecycle(m, []))
            .ToList();
        var checks = LifecycleCrossCheck.Compare(figures, harness);
        var rows = checks.Select(c =>
        {
            var f = figures.FirstOrDefault(x => x.Mode == c.Mode);
            return (IReadOnlyList<string>)
            [
                c.Mode,
                f is null ? "–" : Count(f.N),
                c.BdnMedian is { } b ? Value(b) : "–",
                f is null ? "–" : $"{Value(f.Mean)} ± {Value((f.CiHigh - f.CiLow) / 2)} ({f.CiLevelPercent.ToString("0.##", CultureInfo.InvariantCulture)} % CI)",
                f?.Ratio is { } r ? Factor(r) : "–",
                c.HarnessMedian is { } h ? Value(h) : "–",
                c.Difference is { } d ? SignedPercent(d) : "–",
                c.DifferenceCi is { } ci ? SignedPercent(ci.Low) + " … " + SignedPercent(ci.High) : "–",
                c.Verdict switch
                {
                    CrossCheckVerdict.Agree => "yes",
                    CrossCheckVerdict.Differ => c.BeyondNoise ? "NO" : "NO (within noise)",
                    _ => "not compared",
                },
            ];
        }).ToList();
        return new EngineBenchSection(rows, [.. checks.Select(c => c.Sentence)], checks.All(c => c.Verdict == CrossCheckVerdict.Agree));
    }
}
