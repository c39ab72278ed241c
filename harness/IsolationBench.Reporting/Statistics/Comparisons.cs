using Perfolizer.Mathematics.SignificanceTesting.Base;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;

namespace IsolationBench.Reporting.Statistics;

/// <summary>Turns two series of bootstrap medians into a <see cref="BaselineComparison"/>. Pure.</summary>
public static class Comparisons
{
    public static BaselineComparison Compare(
        IReadOnlyCollection<double> mode,
        IReadOnlyCollection<double> baseline,
        double[] modeReplicates,
        double[] baselineReplicates,
        bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(baseline);
        var ratio = Descriptive.Median(mode) / Descriptive.Median(baseline);
        var ratioCi = Bootstrap.PercentileInterval(Bootstrap.Ratios(modeReplicates, baselineReplicates));

        // The CI is the one test: a Mann–Whitney p-value is kept for readers who want it, but never decides.
        var significant = ratioCi.IsKnown && !ratioCi.Contains(1.0);
        var overhead = higherIsBetter ? 1 / ratio : ratio;
        var overheadCi = higherIsBetter ? ratioCi.Reciprocal() : ratioCi;
        return new BaselineComparison(ratio, ratioCi, overhead, overheadCi, significant, MannWhitneyP(mode, baseline));
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
