using Perfolizer.Mathematics.Common;

namespace IsolationBench.Reporting.Statistics;

/// <summary>Location and spread of one set of values. Pure functions; inputs are never modified.</summary>
public static class Descriptive
{
    /// <summary>The sample median (middle value, or the mean of the two middle ones); NaN when empty.</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var copy = values.ToArray();
        return MedianInPlace(copy);
    }

    /// <summary>Median that reorders <paramref name="buffer"/>: the bootstrap calls it 10 000 times per metric, so no sort, no copy.</summary>
    internal static double MedianInPlace(Span<double> buffer)
    {
        var n = buffer.Length;
        if (n == 0)
        {
            return double.NaN;
        }

        var upper = Select(buffer, n / 2);
        if (n % 2 == 1)
        {
            return upper;
        }

        // After selection every element left of n/2 is <= upper; the lower middle is their maximum.
        var lower = double.NegativeInfinity;
        foreach (var v in buffer[..(n / 2)])
        {
            lower = Math.Max(lower, v);
        }

        return (lower + upper) / 2;
    }

    public static double Mean(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 0 ? double.NaN : Moments.Create(values.ToArray()).Mean;
    }

    /// <summary>Sample standard deviation (n − 1 denominator, as Perfolizer's Moments); NaN for fewer than two values.</summary>
    public static double StandardDeviation(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count < 2 ? double.NaN : Moments.Create(values.ToArray()).StandardDeviation;
    }

    /// <summary>Quantile by linear interpolation between order statistics (Hyndman–Fan type 7, R's default) of sorted values.</summary>
    public static double QuantileOfSorted(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>Hoare's quickselect: the k-th smallest value (0-based), partially reordering the span.</summary>
    private static double Select(Span<double> a, int k)
    {
        int left = 0, right = a.Length - 1;
        while (left < right)
        {
            var pivot = a[left + ((right - left) / 2)];
            int i = left, j = right;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return a[k];
            }
        }

        return a[k];
    }
}
