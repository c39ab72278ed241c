using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Comparison;

/// <summary>
/// What the baseline measured and the current run did not deliver: a mode missing or unverified, a workload of a mode
/// missing or all failed, a metric missing or all failed. Each fails the gate — a regression that stops a mode from
/// working must not pass as "not compared". One line per finding, at the coarsest level that explains it. A variant
/// (<see cref="ModeVariants"/>) the current run did not ask for at all is not a finding; one that ran and failed is. Pure.
/// </summary>
public static class MissingInCurrent
{
    public static IReadOnlyList<string> Lines(CompareSide baseline, CompareSide current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var expected = baseline.Runs.SelectMany(r => r.Samples).Where(RunAnalyzer.IsUsable)
            .Select(s => (s.Workload, s.Metric, s.Mode)).Distinct().ToList();
        var all = current.Runs.SelectMany(r => r.Samples).ToList();
        var delivered = all.Where(RunAnalyzer.IsUsable).Select(s => (s.Workload, s.Metric, s.Mode)).ToHashSet();
        var unverified = current.Runs.SelectMany(r => r.Unverified).GroupBy(e => e.Mode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Reason, StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var byMode in expected.Where(k => !delivered.Contains(k)).GroupBy(k => k.Mode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var mode = byMode.Key;
            var ofMode = all.Where(s => s.Mode == mode).ToList();
            if (ofMode.Count == 0 && !unverified.ContainsKey(mode) && ModeVariants.Parse(mode) is not null)
            {
                // A variant (runc+unconfined) is a diagnostic, not a mode users run: not asking for it again is no regression.
                continue;
            }

            if (ofMode.Count == 0)
            {
                lines.Add(unverified.TryGetValue(mode, out var reason)
                    ? $"unverified in {current.Label}: mode {mode} ({reason}), {Count(byMode)} of {baseline.Label}"
                    : $"missing in {current.Label}: mode {mode}, {Count(byMode)} of {baseline.Label}");
                continue;
            }

            foreach (var byWorkload in byMode.GroupBy(k => k.Workload, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var workload = byWorkload.Key;
                var cells = ofMode.Where(s => s.Workload == workload).ToList();
                if (cells.Count == 0)
                {
                    lines.Add($"missing in {current.Label}: {workload} [{mode}], {Count(byWorkload)} of {baseline.Label}");
                }
                else if (!cells.Any(RunAnalyzer.IsUsable))
                {
                    lines.Add($"all failed in {current.Label}: {workload} [{mode}] ({FirstReason(cells)})");
                }
                else
                {
                    lines.AddRange(byWorkload.OrderBy(k => k.Metric, StringComparer.Ordinal).Select(k =>
                        cells.Any(s => s.Metric == k.Metric)
                            ? $"all failed in {current.Label}: {workload}/{k.Metric} [{mode}] ({FirstReason(cells.Where(s => s.Metric == k.Metric))})"
                            : $"missing in {current.Label}: {workload}/{k.Metric} [{mode}]"));
                }
            }
        }

        return lines;
    }

    private static string Count<T>(IEnumerable<T> series)
    {
        var n = series.Count();
        return n == 1 ? "1 series" : n.ToString(System.Globalization.CultureInfo.InvariantCulture) + " series";
    }

    private static string FirstReason(IEnumerable<Sample> samples) =>
        samples.Select(s => s.Status).FirstOrDefault(s => s != SampleStatus.Ok) ?? "no finite value";
}
