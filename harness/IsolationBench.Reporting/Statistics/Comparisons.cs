using Perfolizer.Mathematics.SignificanceTesting.Base;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;

namespace IsolationBench.Reporting.Statistics;

/// <summary>Turns two modes' units into a <see cref="BaselineComparison"/>. Pure.</summary>
public static class Comparisons
{
    /// <param name="mode">the units of the mode (container medians, or startup lifecycle values).</param>
    /// <param name="against">the units of the mode divided by.</param>
    public static BaselineComparison Compare(
        IReadOnlyList<double> mode, IReadOnlyList<double> against, string againstName, bool higherIsBetter, bool startup)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(against);
        var (ratio, ratioCi) = LogRatioInterval.Of(mode, against);
        var withheld = Significance.Withheld(mode.Count, against.Count, startup);
        if (withheld is null && !ratioCi.IsKnown)
        {
            withheld = "no interval: values not all positive";
        }

        // The CI is the one test: a Mann–Whitney p-value over the same units is kept for readers who want it, but never decides.
        var significant = withheld is null && !ratioCi.Contains(1.0);
        var overhead = higherIsBetter ? 1 / ratio : ratio;
        var overheadCi = higherIsBetter && ratioCi.IsKnown ? ratioCi.Reciprocal() : ratioCi;
        return new BaselineComparison(ratio, ratioCi, overhead, overheadCi, significant, MannWhitneyP(mode, against))
        {
            Withheld = withheld,
            Against = againstName,
        };
    }

    /// <summary>Two-sided Mann–Whitney U p-value (Perfolizer); NaN when either side has fewer than two values.</summary>
    public static double MannWhitneyP(IReadOnlyCollection<double> x, IReadOnlyCollection<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count < 2 || y.Count < 2)
        {
            return double.NaN;
        }

        var result = MannWhitneyTest.Instance.Perform(
            new Pragmastat.Sample(x.ToArray()), new Pragmastat.Sample(y.ToArray()), AlternativeHypothesis.TwoSides, Threshold.Zero);
        return result.PValue.Value;
    }
}
