using System.Globalization;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Reporting;
using IsolationBench.Results;
using StartupPhases = IsolationBench.Results.StartupPhases;

namespace IsolationBench.Workloads.Startup;

/// <summary>One mode's first container of a startup workload beside its measured (warm) lifecycles.</summary>
public sealed record FirstVsWarmRow(string Mode, double First, SeriesStatistics Warm)
{
    /// <summary>The first container's total over the warm median: how much more the first start pays.</summary>
    public double Factor => First / Warm.Median;
}

/// <summary>
/// First vs warm: the first container of each mode in a run (recorded as the first.* metrics, round 0) against the
/// median of its measured lifecycles. One first container per mode and run: a single value, so no interval of its own.
/// </summary>
public static class FirstVsWarm
{
    public static readonly IReadOnlyList<string> Header =
        ["mode", "first container, ms", "warm median, ms (95 % CI)", "first ÷ warm median", "warm lifecycles"];

    public static IReadOnlyList<FirstVsWarmRow> Rows(RunAnalysis analysis, string workload)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var first = StartupPhases.First(StartupPhases.Total);
        var rows = new List<FirstVsWarmRow>();
        foreach (var mode in analysis.Modes)
        {
            var firsts = analysis.Samples.Where(s => s.Workload == workload && s.Mode == mode && s.Metric == first && RunAnalyzer.IsUsable(s)).ToList();
            if (firsts.Count > 0 && analysis.Row(workload, StartupPhases.Total, mode) is { } warm)
            {
                rows.Add(new FirstVsWarmRow(mode, firsts[0].Value, warm.Statistics));
            }
        }

        return rows;
    }

    /// <summary>The section table of <paramref name="workload"/>; none when the run recorded no first container (runs before it did).</summary>
    public static IReadOnlyList<SectionTable> Tables(RunAnalysis analysis, string workload)
    {
        var rows = Rows(analysis, workload);
        if (rows.Count == 0)
        {
            return [];
        }

        var cold = analysis.Manifest.Options.TryGetValue("cold", out var c) && c == "true"
            ? "; every startup cell began with the page cache dropped (--cold)"
            : string.Empty;
        // Without warm-ups the first container is the first measured lifecycle, and so also one of the warm ones.
        var which = analysis.Manifest.Options.TryGetValue("warmup", out var w) && w == "0"
            ? "its first measured lifecycle: --warmup 0"
            : "its first warm-up";
        return
        [
            new SectionTable(
                $"First container vs warm ({workload} total, ms): each mode's first container in the run ({which}) against the median of its measured lifecycles{cold}",
                Header,
                [.. rows.Select(r => (IReadOnlyList<string>)
                [
                    r.Mode,
                    Fmt.Value(r.First),
                    $"{Fmt.Value(r.Warm.Median)} ({Fmt.Interval(r.Warm.MedianCi, Fmt.Value)})",
                    Fmt.Factor(r.Factor) + "×",
                    r.Warm.Units.ToString(CultureInfo.InvariantCulture),
                ])]),
        ];
    }
}
