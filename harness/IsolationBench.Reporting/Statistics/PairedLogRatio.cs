using Perfolizer.Mathematics.Distributions.ContinuousDistributions;

namespace IsolationBench.Reporting.Statistics;

/// <summary>
/// The ratio of two measurements taken in the same units (ours and fio's in the same container): the geometric mean
/// of the per-unit ratios, exp(mean log(x/y)), with a one-sample Student t-interval on those logs, exponentiated.
/// Pairing removes what the two share — the container's disk placement and cache state, a drifting disk's minute — so
/// the interval carries only the disagreement between the two tools, not the spread between containers. Pure.
/// </summary>
public static class PairedLogRatio
{
    /// <summary>Ratio and its <paramref name="level"/> interval; NaN ratio without a positive pair, unknown interval below 2 pairs.</summary>
    public static (double Ratio, Interval Ci) Of(IReadOnlyList<(double X, double Y)> pairs, double level = LogRatioInterval.Level)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var logs = pairs.Where(p => p.X > 0 && p.Y > 0 && double.IsFinite(p.X) && double.IsFinite(p.Y))
            .Select(p => Math.Log(p.X / p.Y)).ToArray();
        if (logs.Length == 0 || logs.Length != pairs.Count)
        {
            return (double.NaN, Interval.Unknown);
        }

        var mean = logs.Average();
        var ratio = Math.Exp(mean);
        if (logs.Length < 2)
        {
            return (ratio, Interval.Unknown);
        }

        var se = Math.Sqrt(logs.Sum(l => (l - mean) * (l - mean)) / (logs.Length - 1) / logs.Length);
        var t = new StudentDistribution(logs.Length - 1).Quantile(1 - ((1 - level) / 2));
        return (ratio, new Interval(Math.Exp(mean - (t * se)), Math.Exp(mean + (t * se))));
    }
}
