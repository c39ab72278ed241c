using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Variants;

/// <summary>
/// Attributes a parent mode's overhead to the knobs its variants turn off (runc against runc+unconfined: what seccomp
/// costs). The same units and the same Welch log-t interval as every ratio of the report (<see cref="Comparisons"/>),
/// with the variant in the baseline's place. Pure.
/// </summary>
public static class KnobCosts
{
    /// <summary>Every (variant, workload metric) where the variant and its parent both have units, in the report's order.</summary>
    public static IReadOnlyList<KnobCost> Of(RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var costs = new List<KnobCost>();
        var variants = analysis.Modes
            .Select(m => (Mode: m, Variant: ModeVariants.Of(m, analysis.Manifest)))
            .Where(v => v.Variant is { } p && analysis.Modes.Contains(p.Parent, StringComparer.Ordinal))
            .Select(v => (v.Mode, v.Variant!.Value.Parent, v.Variant!.Value.Knob))
            .ToList();
        foreach (var workload in analysis.Workloads)
        {
            var part = analysis.PartOf(workload);
            foreach (var metric in analysis.MetricsOf(workload))
            {
                foreach (var (variant, parent, knob) in variants)
                {
                    var parentRow = analysis.Row(workload, metric, parent);
                    var variantRow = analysis.Row(workload, metric, variant);
                    if (parentRow is null || variantRow is null
                        || part?.NotComparable?.Invoke(metric, parent, variant, analysis.IsHostLike) is not null)
                    {
                        continue;
                    }

                    var parentUnits = Units(analysis, workload, metric, parent);
                    var variantUnits = Units(analysis, workload, metric, variant);
                    if (parentUnits.Length == 0 || variantUnits.Length == 0)
                    {
                        continue;
                    }

                    var cost = Comparisons.Compare(parentUnits, variantUnits, variant, parentRow.HigherIsBetter, part?.UnitIsLifecycle ?? false);
                    var parentOverhead = parentRow.IsBaseline ? 1 : parentRow.Comparison?.Overhead;
                    costs.Add(new KnobCost(
                        workload, metric, parentRow.Unit, variant, parent, knob, cost,
                        parentOverhead,
                        variantRow.Comparison?.Overhead,
                        Share(cost.Overhead, parentOverhead)));
                }
            }
        }

        return costs;
    }

    /// <summary>
    /// ln(cost) ÷ ln(parent's overhead): 1 when the knob is the whole overhead, 0 when it is none of it, above 1 when
    /// the variant beats the baseline. Null when the parent shows no overhead (≤ 1.0: nothing to attribute) or either is unknown.
    /// </summary>
    public static double? Share(double cost, double? parentOverhead) =>
        parentOverhead is { } p && double.IsFinite(p) && p > 1 && double.IsFinite(cost) && cost > 0 ? Math.Log(cost) / Math.Log(p) : null;

    private static double[] Units(RunAnalysis analysis, string workload, string metric, string mode) =>
        ExperimentalUnits.Of(analysis.Samples.Where(s => s.Workload == workload && s.Metric == metric && s.Mode == mode && RunAnalyzer.IsUsable(s)));
}
