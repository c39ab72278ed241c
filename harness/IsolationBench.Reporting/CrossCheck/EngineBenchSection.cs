using System.Globalization;
using IsolationBench.Reporting.Statistics;
using static IsolationBench.Reporting.Output.Fmt;

namespace IsolationBench.Reporting.CrossCheck;

/// <summary>
/// The report's "BenchmarkDotNet cross-check" section: BDN's lifecycle figures beside the harness's startup total,
/// per mode, and one sentence per mode saying whether they agree within 10 %.
/// </summary>
public sealed record EngineBenchSection(IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Findings, bool AllAgree)
{
    public static readonly string[] TableHeader =
        ["mode", "BDN n", "BDN median (ms)", "BDN mean ± CI (ms)", "BDN ratio", "harness median total (ms)", "BDN vs harness", "within 10 %?"];

    public const string Explanation =
        "BenchmarkDotNet (benchmarks/IsolationBench.Benchmarks.Host, RunStrategy.Monitoring, one lifecycle per iteration, outliers kept) "
        + "ran the same probe lifecycle as the harness — create, attach, start, exit, remove through the same engine adapter; host: the probe as a process — "
        + "after the matrix. Its median is compared with the harness's median startup `total` (create called → remove returned); "
        + "a difference above 10 % means one of the two measurements is wrong. BDN ratio = BDN's Ratio column (mode / host). "
        + "Exports: engine-bench/results/ (JSON full, CSV).";

    /// <summary>The section for a run directory, or null when the run had no --engine-bench.</summary>
    public static EngineBenchSection? Load(string runDirectory, RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var figures = BdnLifecycleReader.Read(runDirectory);
        return figures is null ? null : Build(figures, analysis);
    }

    public static EngineBenchSection Build(IReadOnlyList<BdnLifecycleFigure> figures, RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(analysis);
        var harness = analysis.Modes
            .Select(m => (m, analysis.Row(RunAnalysis.StartupWorkload, RunAnalysis.StartupHeadline, m)))
            .Where(x => x.Item2 is not null)
            .Select(x => (x.m, x.Item2!.Statistics.N > 0 ? x.Item2.Statistics.Median : double.NaN))
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
                c.Difference is { } d ? (d >= 0 ? "+" : "−") + (Math.Abs(d) * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–",
                c.Verdict switch
                {
                    CrossCheckVerdict.Agree => "yes",
                    CrossCheckVerdict.Differ => "NO",
                    _ => "not compared",
                },
            ];
        }).ToList();
        return new EngineBenchSection(rows, [.. checks.Select(c => c.Sentence)], checks.All(c => c.Verdict == CrossCheckVerdict.Agree));
    }
}
