using IsolationBench.Reporting.Output;
using IsolationBench.Results;
using static IsolationBench.Reporting.Output.Fmt;

namespace IsolationBench.Reporting.Variants;

/// <summary>
/// The report's "What each knob costs" section: what variants are (less isolated, never a recommendation), then one
/// table row per variant and workload metric. Empty when the run has no variant beside its parent.
/// </summary>
public static class KnobCostSection
{
    public const string Title = "What each knob costs";

    public static readonly IReadOnlyList<string> Header =
        ["workload metric", "variant (knob off)", "parent vs baseline", "variant vs baseline", "knob cost: parent vs variant (95 % CI)", "knob's share of the parent's overhead", "significant?"];

    /// <summary>The section's sentences and table; null when there is nothing to attribute.</summary>
    public static (IReadOnlyList<string> Text, SectionTable Table)? For(Statistics.RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return For(analysis, KnobCosts.Of(analysis));
    }

    /// <summary>From the judged analysis: referee rows are no knob's cost, and a metric refused for the parent or the variant is attributed to no knob.</summary>
    public static (IReadOnlyList<string> Text, SectionTable Table)? For(Analysers.JudgedAnalysis judged)
    {
        ArgumentNullException.ThrowIfNull(judged);
        var costs = KnobCosts.Of(judged.ForVerdicts)
            .Where(c => judged.RefusalOf(c.Workload, c.Metric, c.Parent) is null && judged.RefusalOf(c.Workload, c.Metric, c.Variant) is null)
            .ToList();
        return For(judged.ForVerdicts, costs);
    }

    private static (IReadOnlyList<string> Text, SectionTable Table)? For(Statistics.RunAnalysis analysis, IReadOnlyList<KnobCost> costs)
    {
        if (costs.Count == 0)
        {
            return null;
        }

        var text = new List<string>
        {
            "A variant is its parent mode with ONE security knob turned off, run in the same rounds and positions as every mode: "
            + "it is less isolated than its parent, a diagnostic of where the parent's overhead comes from, and never a recommendation",
        };
        foreach (var (variant, parent, knob) in costs.Select(c => (c.Variant, c.Parent, c.Knob)).Distinct())
        {
            text.Add($"{variant}: {ModeVariants.LessIsolatedNote(parent, knob)}");
        }

        text.Add("Knob cost = the parent's overhead against its variant, computed as every ratio of this report (> 1: the parent with the knob on is worse than its variant with it off; "
            + "parent ÷ variant for times, variant ÷ parent for throughput), 95 % Welch log-t interval over the containers or lifecycles. "
            + $"Share = ln(knob cost) ÷ ln(parent's overhead against {analysis.Baseline}), a point estimate: 100 % when the knob is the whole overhead, 0 % when none of it; "
            + "shown only when the parent's overhead is above 1.00");
        var rows = costs.Select(c => (IReadOnlyList<string>)
        [
            $"{c.Workload} {c.Metric} ({c.Unit})",
            c.Variant,
            c.ParentOverhead is { } p ? Factor(p) + "×" : "–",
            c.VariantOverhead is { } v ? Factor(v) + "×" : "–",
            $"{Factor(c.Cost.Overhead)}× ({Interval(c.Cost.OverheadCi, Factor)})",
            c.Share is { } s ? Percent(s) : "–",
            c.Cost.Withheld is { } withheld ? "not judged: " + withheld : c.Cost.Significant ? "yes" : "no",
        ]).ToList();
        return (text, new SectionTable($"Knob cost per workload metric (baseline {analysis.Baseline})", Header, rows));
    }

    /// <summary>A share as the report writes signed figures: 80 %, −17 % (a minus sign, not a hyphen); a share that rounds to 0 has no sign.</summary>
    public static string Percent(double fraction)
    {
        var rounded = Math.Round(fraction * 100, MidpointRounding.AwayFromZero);
        return (rounded < 0 ? "−" : string.Empty) + Math.Abs(rounded).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " %";
    }
}
