namespace IsolationBench.Reporting.Statistics;

/// <summary>
/// Percentile bootstrap of the median with a fixed seed, resampling whole rounds. A round is the unit that is
/// independent: BenchmarkDotNet's iterations inside one container share its start-up luck, so resampling them one by
/// one would make intervals too narrow. Startup has one value per round, where this is the ordinary bootstrap.
/// </summary>
public static class Bootstrap
{
    public const double Level = 0.95;

    /// <summary>Medians of <paramref name="resamples"/> bootstrap resamples of <paramref name="clusters"/> (one array per round).</summary>
    public static double[] Medians(IReadOnlyList<double[]> clusters, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        var replicates = new double[resamples];
        if (clusters.Count == 0)
        {
            Array.Fill(replicates, double.NaN);
            return replicates;
        }

        // System.Random with an explicit seed uses the legacy algorithm, which .NET keeps stable across versions.
        var random = new Random(seed);
        var largest = clusters.Max(c => c.Length);
        var buffer = new double[clusters.Count * largest];
        for (var r = 0; r < resamples; r++)
        {
            var count = 0;
            for (var c = 0; c < clusters.Count; c++)
            {
                var pick = clusters[random.Next(clusters.Count)];
                pick.CopyTo(buffer, count);
                count += pick.Length;
            }

            replicates[r] = Descriptive.MedianInPlace(buffer.AsSpan(0, count));
        }

        return replicates;
    }

    /// <summary>The central <see cref="Level"/> percentile interval of bootstrap replicates (NaN ones ignored).</summary>
    public static Interval PercentileInterval(IEnumerable<double> replicates)
    {
        ArgumentNullException.ThrowIfNull(replicates);
        var sorted = replicates.Where(double.IsFinite).Order().ToArray();
        var tail = (1 - Level) / 2;
        return new Interval(Descriptive.QuantileOfSorted(sorted, tail), Descriptive.QuantileOfSorted(sorted, 1 - tail));
    }

    /// <summary>Ratio replicates mode/baseline: the two bootstraps are independent, so pairing them by index is a valid draw.</summary>
    public static double[] Ratios(double[] modeMedians, double[] baselineMedians)
    {
        ArgumentNullException.ThrowIfNull(modeMedians);
        ArgumentNullException.ThrowIfNull(baselineMedians);
        var n = Math.Min(modeMedians.Length, baselineMedians.Length);
        var ratios = new double[n];
        for (var i = 0; i < n; i++)
        {
            ratios[i] = modeMedians[i] / baselineMedians[i];
        }

        return ratios;
    }

    /// <summary>Difference replicates x − y of two independent bootstraps, paired by index (a valid draw, as for <see cref="Ratios"/>).</summary>
    public static double[] Differences(double[] xMedians, double[] yMedians)
    {
        ArgumentNullException.ThrowIfNull(xMedians);
        ArgumentNullException.ThrowIfNull(yMedians);
        var n = Math.Min(xMedians.Length, yMedians.Length);
        var differences = new double[n];
        for (var i = 0; i < n; i++)
        {
            differences[i] = xMedians[i] - yMedians[i];
        }

        return differences;
    }

    /// <summary>A stable seed per series (string.GetHashCode is randomised per process, so FNV-1a instead).</summary>
    public static int SeedFor(int baseSeed, params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var hash = 2166136261u;
        foreach (var ch in string.Join('\u001f', parts))
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)(hash ^ (uint)baseSeed) & int.MaxValue;
    }
}

/// <summary>A closed interval [Low, High]; NaN bounds when it could not be computed.</summary>
public readonly record struct Interval(double Low, double High)
{
    public static readonly Interval Unknown = new(double.NaN, double.NaN);

    public bool IsKnown => double.IsFinite(Low) && double.IsFinite(High);

    public bool Contains(double x) => Low <= x && x <= High;

    /// <summary>The interval of 1/x: what a ratio interval becomes when the ratio is inverted (throughput slowdown).</summary>
    public Interval Reciprocal() => new(1 / High, 1 / Low);
}
