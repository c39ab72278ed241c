using IsolationBench.Results;

namespace IsolationBench.Reporting.Statistics;

/// <summary>One mode's values on one workload, grouped by the mode that ran just before it in the round.</summary>
/// <param name="ByPredecessor">predecessor ("first" for the first cell of a round) → median of the mode's normalised units after it.</param>
/// <param name="Spread">largest / smallest of those medians, minus 1.</param>
public sealed record OrderEffectRow(string Workload, string Mode, IReadOnlyList<(string Predecessor, int Units, double Median)> ByPredecessor, double Spread)
{
    public bool Exceeds => Spread > OrderEffect.Threshold;
}

/// <summary>
/// The order effect, estimated from samples.csv's position and predecessor columns: each value is divided by its
/// mode's median on its metric (so metrics of different size can be pooled per workload), units are formed as
/// everywhere (one per container), and the median per predecessor is compared. A spread beyond 10 % means the mode
/// runs faster or slower depending on what ran before it; the balanced order spreads that bias over all modes. Pure.
/// </summary>
public static class OrderEffect
{
    public const double Threshold = 0.10;

    /// <summary>Fewer units after one predecessor than this and that group is left out (its median would be noise).</summary>
    public const int MinUnitsPerGroup = 3;

    public static IReadOnlyList<OrderEffectRow> Estimate(RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var rows = new List<OrderEffectRow>();
        var usable = analysis.Samples.Where(s => RunAnalyzer.IsUsable(s) && s.Position > 0).ToList();
        foreach (var workload in analysis.Workloads)
        {
            // A lifecycle workload is judged on its headline (the whole lifecycle), not on each phase again.
            var lifecycle = analysis.PartOf(workload)?.UnitIsLifecycle == true;
            var headline = lifecycle ? analysis.HeadlineOf(workload) : null;
            foreach (var mode in analysis.Modes)
            {
                var ofMode = usable.Where(s => s.Workload == workload && s.Mode == mode && (!lifecycle || s.Metric == headline)).ToList();
                var medians = ofMode.GroupBy(s => s.Metric).ToDictionary(g => g.Key, g => Descriptive.Median(g.Select(s => s.Value).ToArray()), StringComparer.Ordinal);
                var groups = ofMode
                    .Where(s => medians[s.Metric] > 0)
                    .Select(s => s with { Value = s.Value / medians[s.Metric] })
                    .GroupBy(s => string.IsNullOrEmpty(s.Predecessor) ? "first" : s.Predecessor, StringComparer.Ordinal)
                    .Select(g => (Predecessor: g.Key, Units: ExperimentalUnits.Of(g)))
                    .Where(g => g.Units.Length >= MinUnitsPerGroup)
                    .OrderBy(g => g.Predecessor, StringComparer.Ordinal)
                    .Select(g => (g.Predecessor, g.Units.Length, Descriptive.Median(g.Units)))
                    .ToList();
                if (groups.Count < 2)
                {
                    continue;
                }

                var spread = (groups.Max(g => g.Item3) / groups.Min(g => g.Item3)) - 1;
                rows.Add(new OrderEffectRow(workload, mode, groups, spread));
            }
        }

        return rows;
    }
}
