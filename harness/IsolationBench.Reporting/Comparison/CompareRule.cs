using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.Comparison;

/// <summary>
/// The gate's rule, in one place. A series REGRESSED when its slowdown factor exceeds 1 + threshold (the change is
/// large enough to matter) AND the 95 % bootstrap CI of that factor lies wholly above 1 (the change is real on the
/// samples, not noise); IMPROVED symmetrically (factor below 1/(1 + threshold), CI wholly below 1); otherwise SAME.
/// The CI is the significance test, as everywhere in the report (Comparisons): the threshold alone would flag noise,
/// the CI alone would flag 0.5 % shifts that nobody should act on. Pure.
/// </summary>
public static class CompareRule
{
    public const double DefaultThreshold = 0.10;

    public static ChangeVerdict Classify(double slowdown, Interval slowdownCi, double threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        if (!double.IsFinite(slowdown) || !slowdownCi.IsKnown)
        {
            return ChangeVerdict.Same;
        }

        if (slowdown > 1 + threshold && slowdownCi.Low > 1)
        {
            return ChangeVerdict.Regressed;
        }

        return slowdown < 1 / (1 + threshold) && slowdownCi.High < 1 ? ChangeVerdict.Improved : ChangeVerdict.Same;
    }
}
