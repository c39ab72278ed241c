using IsolationBench.Results;
using System.Globalization;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Reporting;

namespace IsolationBench.Workloads.Startup;

/// <summary>"Where startup time goes": the split in words and as tables, from <see cref="StartupSplitAnalysis"/>.</summary>
public static class StartupSplitSection
{
    public const string Title = "Where startup time goes";

    public const string MethodText =
        Title + ": per mode, the engine path's total (workload startup: create → start → ready → fingerprint → exit → remove through the engine) "
        + "= the runtime-direct total (workload startup-runtime: the same probe image as an OCI bundle, straight on the mode's runtime binary with the engine's registered arguments: "
        + "create → start → ready → exit → delete, no engine, no containerd) + the engine share. Engine share = median engine-path total − median runtime-direct total; "
        + "its 95 % interval is an unpaired percentile bootstrap of the difference of the two medians (10,000 resamples of each side on its own: the two are independent sets of containers). "
        + "The medians' intervals are the order-statistic intervals of the lifecycles. Runtime-direct writes its config.json before the clock starts (the engine generates its own inside create) "
        + "and runs without the engine's seccomp profile";

    public static readonly IReadOnlyList<string> SplitHeader =
        ["mode", "engine path, ms (95 % CI)", "runtime-direct, ms (95 % CI)", "engine share, ms (95 % CI)", "engine share of the path", "lifecycles (engine / direct)"];

    public static readonly IReadOnlyList<string> SandboxHeader =
        ["mode", "runtime-direct total vs", "ratio (95 % CI)", "lifecycles"];

    public static IReadOnlyList<string> Findings(RunAnalysis analysis)
    {
        var split = StartupSplitAnalysis.From(analysis);
        if (split.IsEmpty)
        {
            return [];
        }

        var lines = new List<string> { MethodText };
        lines.AddRange(split.Rows.Select(r => Invariant(
            $"{r.Mode}: engine path {Fmt.Value(r.EnginePath.Median)} ms = runtime-direct {Fmt.Value(r.RuntimeDirect.Median)} ms + engine share {Fmt.Value(r.EngineShare)} ms ({Fmt.Interval(r.EngineShareCi, Fmt.Value)}; {Percent(r.EngineFraction)} of the engine path)")));
        lines.AddRange(split.Rows.Where(r => r.EngineShare < 0).Select(r => Slower(analysis, r)));
        lines.AddRange(split.Sandbox.Select(Sentence));
        return lines;
    }

    /// <summary>A negative share is no engine "saving": it names the phase where runtime-direct loses most, so the reader sees why.</summary>
    private static string Slower(RunAnalysis analysis, StartupSplitRow r)
    {
        var worst = IsolationBench.Results.StartupPhases.Container
            .Select(p => (Phase: p, Direct: Median(analysis, StartupWorkloads.RuntimeDirect, p, r.Mode), Engine: Median(analysis, StartupWorkloads.Startup, p, r.Mode)))
            .Where(p => double.IsFinite(p.Direct) && double.IsFinite(p.Engine))
            .OrderByDescending(p => p.Direct - p.Engine)
            .FirstOrDefault();
        return Invariant($"{r.Mode}: runtime-direct is slower than the engine path, so its engine share is negative and the split does not apply")
            + (worst.Phase is null ? string.Empty : Invariant($"; most of the difference is in {worst.Phase} ({Fmt.Value(worst.Direct)} ms runtime-direct vs {Fmt.Value(worst.Engine)} ms through the engine)"));
    }

    private static double Median(RunAnalysis analysis, string workload, string phase, string mode) =>
        analysis.Row(workload, phase, mode)?.Statistics.Median ?? double.NaN;

    /// <summary>The sandbox's own cost in one sentence, apart from the engine's.</summary>
    public static string Sentence(SandboxCost s) => Invariant(
        $"The sandbox's own start cost, no engine in it: {s.Mode} runtime-direct total / {s.Against} runtime-direct total = {Fmt.Factor(s.Ratio)}× ({Fmt.Interval(s.Ci, Fmt.Factor)}; ratio of geometric means, Welch t-interval on the log lifecycles, {s.Units} and {s.AgainstUnits} lifecycles)");

    public static IReadOnlyList<SectionTable> Tables(RunAnalysis analysis)
    {
        var split = StartupSplitAnalysis.From(analysis);
        var tables = new List<SectionTable>();
        if (split.Rows.Count > 0)
        {
            tables.Add(new SectionTable(Title + " (total, ms; engine path = runtime-direct + engine share)", SplitHeader, [.. split.Rows.Select(r => (IReadOnlyList<string>)
            [
                r.Mode,
                Cell(r.EnginePath.Median, r.EnginePath.Ci),
                Cell(r.RuntimeDirect.Median, r.RuntimeDirect.Ci),
                Cell(r.EngineShare, r.EngineShareCi),
                Percent(r.EngineFraction),
                Invariant($"{r.EnginePath.Units} / {r.RuntimeDirect.Units}"),
            ])]));
        }

        if (split.Sandbox.Count > 0)
        {
            tables.Add(new SectionTable("The sandbox's own start cost (runtime-direct, no engine)", SandboxHeader, [.. split.Sandbox.Select(s => (IReadOnlyList<string>)
            [
                s.Mode,
                s.Against,
                Invariant($"{Fmt.Factor(s.Ratio)}× ({Fmt.Interval(s.Ci, Fmt.Factor)})"),
                Invariant($"{s.Units} / {s.AgainstUnits}"),
            ])]));
        }

        return tables;
    }

    public static string Cell(double value, Interval ci) => $"{Fmt.Value(value)} ({Fmt.Interval(ci, Fmt.Value)})";

    public static string Percent(double fraction) =>
        double.IsFinite(fraction) ? (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + " %" : "–";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
