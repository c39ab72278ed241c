using System.Globalization;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Comparison;

/// <summary>
/// Failure rate per mode × workload: failed cells / all cells, a cell being one round of that mode and workload (one
/// container or host process) in one run, failed when it gave no usable sample. Cells, not samples: a guest container
/// that fails writes one failed row where a good one writes hundreds, so a sample rate would hide it. For startup
/// the two are the same (every phase of a failed start fails). A rise of more than <see cref="MaxRise"/> fails the gate.
/// Pure.
/// </summary>
public static class FailureRates
{
    public const double MaxRise = 0.05;

    /// <summary>One line per mode × workload whose rate rose by more than <see cref="MaxRise"/>; a mode × workload that
    /// failed entirely is left to <see cref="MissingInCurrent"/>, which already names it.</summary>
    public static IReadOnlyList<string> Rises(CompareSide baseline, CompareSide current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var before = Rates(baseline);
        var lines = new List<string>();
        foreach (var (key, now) in Rates(current).OrderBy(kv => kv.Key.Workload, StringComparer.Ordinal).ThenBy(kv => kv.Key.Mode, StringComparer.Ordinal))
        {
            if (!before.TryGetValue(key, out var then) || now.Rate - then.Rate <= MaxRise || (now.Failed == now.Cells && then.Failed < then.Cells))
            {
                continue;
            }

            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"failures rose: {key.Workload} [{key.Mode}] {now.Failed}/{now.Cells} cells failed ({now.Rate * 100:0.#} %) in {current.Label}, {then.Failed}/{then.Cells} ({then.Rate * 100:0.#} %) in {baseline.Label}: +{(now.Rate - then.Rate) * 100:0.#} points > {MaxRise * 100:0} ({now.Reason})"));
        }

        return lines;
    }

    private static Dictionary<(string Workload, string Mode), Tally> Rates(CompareSide side)
    {
        var tallies = new Dictionary<(string Workload, string Mode), Tally>();
        foreach (var run in side.Runs)
        {
            foreach (var cell in run.Samples.GroupBy(s => (s.Workload, s.Mode, s.Round)))
            {
                var key = (cell.Key.Workload, cell.Key.Mode);
                var failed = !cell.Any(RunAnalyzer.IsUsable);
                var tally = tallies.GetValueOrDefault(key, new Tally(0, 0, string.Empty));
                tallies[key] = new Tally(tally.Cells + 1, tally.Failed + (failed ? 1 : 0),
                    tally.Reason.Length == 0 && failed ? cell.Select(s => s.Status).FirstOrDefault(s => s != SampleStatus.Ok) ?? "no finite value" : tally.Reason);
            }
        }

        return tallies;
    }

    private readonly record struct Tally(int Cells, int Failed, string Reason)
    {
        public double Rate => Cells == 0 ? 0 : (double)Failed / Cells;
    }
}
