using System.Globalization;
using System.Numerics;

namespace IsolationBench.AppLoad;

/// <summary>
/// Every request's latency, kept HdrHistogram-style: values below 128 ns exactly, above in 128 linear sub-buckets per
/// power of two, so a bucket is at most 1/128 (0.8 %) of its values wide and a quantile is off by at most half that.
/// Not thread-safe: one per worker, merged after the load.
/// </summary>
public sealed class LatencyHistogram
{
    public const int SubBucketBits = 7;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int Octaves = 63 - SubBucketBits;

    private readonly long[] _counts = new long[SubBuckets + (Octaves * SubBuckets)];

    public long Count { get; private set; }

    public long Max { get; private set; }

    /// <summary>Records one latency in nanoseconds (negative values count as 0).</summary>
    public void Record(long nanoseconds)
    {
        var value = Math.Max(0, nanoseconds);
        _counts[IndexOf(value)]++;
        Count++;
        Max = Math.Max(Max, value);
    }

    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        Max = Math.Max(Max, other.Max);
    }

    /// <summary>The latency (ns) at quantile <paramref name="q"/> (0–1]: the middle of the bucket that holds the ⌈q·n⌉-th smallest value; NaN when empty.</summary>
    public double Quantile(double q)
    {
        if (q is <= 0 or > 1 || double.IsNaN(q))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "a quantile is in (0, 1]");
        }

        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(q * Count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                var (from, to) = BoundsOf(i);
                return Math.Min(from + ((to - from) / 2.0), Max);
            }
        }

        return Max;
    }

    /// <summary>The non-empty buckets in order: [From, To] nanoseconds inclusive, and how many requests fell there.</summary>
    public IEnumerable<(long From, long To, long Count)> Buckets()
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] > 0)
            {
                var (from, to) = BoundsOf(i);
                yield return (from, to, _counts[i]);
            }
        }
    }

    /// <summary>One bucket as a line ("from,to,count"), the form app-client sends and the run directory keeps.</summary>
    public static string FormatBucket(long from, long to, long count) =>
        string.Create(CultureInfo.InvariantCulture, $"{from},{to},{count}");

    /// <summary>Adds a bucket read back from <see cref="FormatBucket"/>; false when the line is not one.</summary>
    public bool TryAddBucket(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split(',');
        if (parts.Length != 3
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || BoundsOf(IndexOf(from)) != (from, to))
        {
            return false;
        }

        _counts[IndexOf(from)] += count;
        Count += count;
        Max = Math.Max(Max, to);
        return true;
    }

    internal static int IndexOf(long value)
    {
        if (value < SubBuckets)
        {
            return (int)value;
        }

        var octave = 63 - BitOperations.LeadingZeroCount((ulong)value) - SubBucketBits; // ≥ 0
        var sub = (int)(value >> octave) - SubBuckets; // 0 … SubBuckets-1
        return SubBuckets + (octave * SubBuckets) + sub;
    }

    internal static (long From, long To) BoundsOf(int index)
    {
        if (index < SubBuckets)
        {
            return (index, index);
        }

        var octave = (index - SubBuckets) / SubBuckets;
        var sub = (index - SubBuckets) % SubBuckets;
        var from = (long)(SubBuckets + sub) << octave;
        return (from, from + (1L << octave) - 1);
    }
}
