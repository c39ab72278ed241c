using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.Variants;

/// <summary>
/// What one knob costs on one metric: the parent (the knob on) against its variant (the knob off), as an overhead
/// (> 1: the knob makes the parent worse — parent ÷ variant for times, variant ÷ parent for throughput), with its 95 %
/// interval; and, when the parent's own overhead against the baseline is known and above 1, the knob's share of it.
/// </summary>
/// <param name="Cost">parent against variant: <see cref="BaselineComparison.Overhead"/> with the variant as the one divided by.</param>
/// <param name="ParentOverhead">the parent's overhead against the run's baseline (host), null when the baseline is not there.</param>
/// <param name="VariantOverhead">the variant's overhead against the run's baseline.</param>
/// <param name="Share">ln(cost) ÷ ln(parent's overhead): the part of the parent's overhead, on the multiplicative scale, the knob accounts for; a point estimate, null when the parent has no overhead to share.</param>
public sealed record KnobCost(
    string Workload,
    string Metric,
    string Unit,
    string Variant,
    string Parent,
    string Knob,
    BaselineComparison Cost,
    double? ParentOverhead,
    double? VariantOverhead,
    double? Share);
