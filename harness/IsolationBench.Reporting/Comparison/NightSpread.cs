using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.Comparison;

/// <summary>
/// The night-to-night spread of a series, from the baseline's runs, and the draws that put it into the gate's interval.
/// The hierarchical bootstrap (runs, then rounds) gives the uncertainty of the baseline's centre, which rightly shrinks
/// with N; but the current run is ONE night, with its own night effect that its within-run bootstrap cannot see. So
/// each ratio replicate is multiplied by exp(s·T): s the standard deviation of the baseline runs' log medians, T a
/// Student t with N−1 degrees of freedom (s comes from only N runs) — a prediction for one more night, not a confidence
/// interval for the mean of N. s is taken as observed, within-run noise of each night included, although the current's
/// own bootstrap counts that noise again: deliberately conservative, because a bootstrap over 3–5 containers is too
/// narrow (simulated: subtracting the within-run part let 7.4 % of no-change intervals exclude 1). Pure, fixed seed.
/// </summary>
public static class NightSpread
{
    /// <summary>Standard deviation of the runs' log medians (0.04 ≈ 4 % night to night); NaN with fewer than 2 runs.</summary>
    public static double LogSigma(IReadOnlyList<IReadOnlyList<double[]>> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var logMedians = runs.Where(r => r.Count > 0).Select(r => Math.Log(Descriptive.Median(r.SelectMany(c => c).ToList()))).ToList();
        if (logMedians.Count < 2)
        {
            return double.NaN;
        }

        var mean = logMedians.Average();
        var variance = logMedians.Sum(v => (v - mean) * (v - mean)) / (logMedians.Count - 1);
        return double.IsFinite(variance) ? Math.Sqrt(variance) : double.NaN;
    }
    /// <summary>Multipliers exp(<paramref name="logSigma"/>·T(<paramref name="runs"/>−1)), one per replicate.</summary>
    public static double[] Draws(double logSigma, int runs, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 2);
        var draws = new double[count];
        if (!(logSigma > 0))
        {
            Array.Fill(draws, 1.0);
            return draws;
        }

        var random = new Random(seed);
        var df = runs - 1;
        for (var i = 0; i < count; i++)
        {
            var chi = 0.0;
            for (var k = 0; k < df; k++)
            {
                var g = Gaussian(random);
                chi += g * g;
            }

            draws[i] = Math.Exp(logSigma * Gaussian(random) / Math.Sqrt(chi / df));
        }

        return draws;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
