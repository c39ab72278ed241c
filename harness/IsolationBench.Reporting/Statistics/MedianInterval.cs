namespace IsolationBench.Reporting.Statistics;

/// <summary>
/// Distribution-free interval of the median of the units: the order statistics [u(k), u(n+1−k)] with the largest k
/// whose binomial coverage is still ≥ 95 %. Exact for any continuous distribution of independent units. Below 6
/// units no pair of order statistics reaches 95 %; the interval is then [min, max] and its true coverage
/// (1 − 2·0.5ⁿ, e.g. 93.75 % for 5) is what <see cref="Coverage"/> returns.
/// </summary>
public static class MedianInterval
{
    public static Interval Of(IReadOnlyList<double> units, double level = LogRatioInterval.Level)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count < 2)
        {
            return Interval.Unknown;
        }

        var sorted = units.Order().ToArray();
        var k = Rank(sorted.Length, level);
        return new Interval(sorted[k - 1], sorted[^k]);
    }

    /// <summary>The exact coverage of <see cref="Of"/> for <paramref name="n"/> units.</summary>
    public static double Coverage(int n, double level = LogRatioInterval.Level) => n < 2 ? double.NaN : 1 - (2 * BinomialCdf(n, Rank(n, level) - 1));

    /// <summary>The 1-based rank k of the lower bound: the largest k ≥ 1 with P(Bin(n, ½) ≤ k − 1) ≤ (1 − level)/2.</summary>
    private static int Rank(int n, double level)
    {
        var k = 1;
        while (k < (n + 1) / 2 && BinomialCdf(n, k) <= (1 - level) / 2)
        {
            k++;
        }

        return k;
    }

    /// <summary>P(Bin(n, ½) ≤ j).</summary>
    private static double BinomialCdf(int n, int j)
    {
        double sum = 0, term = Math.Pow(0.5, n);
        for (var i = 0; i <= j; i++)
        {
            sum += term;
            term = term * (n - i) / (i + 1);
        }

        return sum;
    }
}
