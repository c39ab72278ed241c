using IsolationBench.Reporting.Charts;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Results.BenchmarkDotNet;

namespace IsolationBench.Reporting.Fleet;

/// <summary>One run in a fleet report: a host (or engine) with its own baseline.</summary>
public sealed record FleetHost(string RunId, string Facts, string Baseline, RunAnalysis Analysis);

/// <summary>
/// One mode's figure on one workload metric across the hosts: each host's overhead against its own baseline (null where
/// that host did not measure it), and the ratio of each host's overhead to the first host's where both have one.
/// </summary>
public sealed record FleetLine(string Workload, string Metric, string Mode, IReadOnlyList<BaselineComparison?> PerHost)
{
    /// <summary>Host i's overhead ÷ the first host's (a point estimate: the two intervals come from different runs); null where either is missing.</summary>
    public IReadOnlyList<double?> AgainstFirst =>
        [.. PerHost.Select(c => c is { Overhead: > 0 } o && PerHost[0] is { Overhead: > 0 } first ? o.Overhead / first.Overhead : (double?)null)];
}

public sealed record FleetAnalysis(IReadOnlyList<FleetHost> Hosts, IReadOnlyList<FleetLine> Lines, IReadOnlyList<string> Notes)
{
    /// <summary>
    /// Lines for every workload metric (the overview's: startup's headline, each guest metric; fio's referee rows left
    /// out) that at least two hosts measured, one per mode any host compares with its own baseline: hosts with different
    /// modes (Windows process/hyperv beside Linux runc/runsc) still stand side by side, each against its own baseline,
    /// and the ratio to the first host's exists where both have the mode.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two runs, the same run twice, or no workload metric two of them measured.</exception>
    public static FleetAnalysis Of(IReadOnlyList<FleetHost> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        if (hosts.Count < 2)
        {
            throw new ArgumentException("a fleet report needs two runs or more");
        }

        if (hosts.GroupBy(h => h.RunId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"run {twice.Key} is given twice: give each run once");
        }

        var keys = hosts
            // Each host's analysis is its judged one (Judge.ForVerdicts): the referees' rows are already out.
            .SelectMany(h => OverviewChart.Lines(h.Analysis)
                .SelectMany(l => h.Analysis.Modes
                    .Where(m => h.Analysis.Row(l.Workload, l.Metric, m)?.Comparison is not null && m != h.Baseline)
                    .Select(m => (l.Workload, l.Metric, Mode: m))))
            .Distinct()
            .ToList();
        var measuredBy = keys.GroupBy(k => (k.Workload, k.Metric))
            .ToDictionary(g => g.Key, g => hosts.Where(h => g.Any(k => h.Analysis.Row(k.Workload, k.Metric, k.Mode)?.Comparison is not null)).ToList());
        var lines = keys
            .Where(k => measuredBy[(k.Workload, k.Metric)].Count >= 2)
            .Select(k => new FleetLine(k.Workload, k.Metric, k.Mode, [.. hosts.Select(h => h.Analysis.Row(k.Workload, k.Metric, k.Mode)?.Comparison)]))
            .ToList();
        if (lines.Count == 0)
        {
            var what = string.Join("; ", hosts.Select(h => $"{h.RunId}: {string.Join(',', h.Analysis.Workloads)}"));
            throw new ArgumentException($"these runs share no workload metric compared with a baseline ({what}): give runs of the same workloads");
        }

        var notes = measuredBy.Where(m => m.Value.Count == 1)
            .GroupBy(m => m.Value[0].RunId, StringComparer.Ordinal)
            .Select(g => $"only in {g.Key}, so not set side by side: {string.Join(", ", g.Select(m => $"{m.Key.Workload} · {m.Key.Metric}"))}")
            .ToList();
        return new FleetAnalysis(hosts, lines, notes);
    }
}
