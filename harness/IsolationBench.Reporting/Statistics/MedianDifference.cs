namespace IsolationBench.Reporting.Statistics;

/// <summary>
/// The difference of the medians of two independent sets of units (two sets of containers, e.g. the engine path's
/// lifecycles and runtime-direct ones), with an unpaired percentile bootstrap interval: each side's median is
/// bootstrapped on its own (every unit its own cluster), and the replicates are subtracted index by index. Unpaired
/// because nothing links the i-th unit of one side to the i-th of the other. Coverage proven in
/// MedianDifferenceSimulationTests. Pure; deterministic for a seed.
/// </summary>
public static class MedianDifference
{
    public const int Resamples = 10_000;

    /// <summary>median(x) − median(y) and its 95 % interval; NaN without units on a side, unknown interval below 2 units on a side.</summary>
    public static (double Difference, Interval Ci) Of(IReadOnlyList<double> x, IReadOnlyList<double> y, int seed, int resamples = Resamples)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || y.Count == 0)
        {
            return (double.NaN, Interval.Unknown);
        }

        var difference = Descriptive.Median(x.ToArray()) - Descriptive.Median(y.ToArray());
        if (x.Count < 2 || y.Count < 2)
        {
            return (difference, Interval.Unknown);
        }

        var bx = Bootstrap.Medians([.. x.Select(v => new[] { v })], resamples, Bootstrap.SeedFor(seed, "x"));
        var by = Bootstrap.Medians([.. y.Select(v => new[] { v })], resamples, Bootstrap.SeedFor(seed, "y"));
        return (difference, Bootstrap.PercentileInterval(Bootstrap.Differences(bx, by)));
    }
}
