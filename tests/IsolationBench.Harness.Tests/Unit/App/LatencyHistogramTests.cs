using IsolationBench.AppLoad;

namespace IsolationBench.Harness.Tests.Unit.App;

/// <summary>The log-linear latency histogram: its quantiles against the exact order statistics of known distributions, its buckets, and its line form.</summary>
public sealed class LatencyHistogramTests
{
    private static double Exact(long[] sorted, double q) => sorted[Math.Max(1, (long)Math.Ceiling(q * sorted.Length)) - 1];

    public static TheoryData<string> Distributions => new() { "uniform", "lognormal", "bimodal" };

    [Theory]
    [MemberData(nameof(Distributions))]
    public void Quantiles_are_within_half_a_bucket_of_the_exact_order_statistic(string distribution)
    {
        var random = new Random(20_261_201);
        var values = new long[200_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = distribution switch
            {
                "uniform" => random.NextInt64(1, 1_000_000),
                // Latency-like: median ~100 µs, a long right tail.
                "lognormal" => (long)Math.Exp(Math.Log(100_000) + (0.8 * Normal(random))),
                _ => random.Next(10) == 0 ? random.NextInt64(5_000_000, 6_000_000) : random.NextInt64(50_000, 60_000),
            };
        }

        var histogram = new LatencyHistogram();
        foreach (var v in values)
        {
            histogram.Record(v);
        }

        Array.Sort(values);
        Assert.Equal(values.Length, histogram.Count);
        foreach (var q in (double[])[0.001, 0.5, 0.9, 0.99, 0.999, 1.0])
        {
            var exact = Exact(values, q);
            var estimate = histogram.Quantile(q);
            Assert.True(Math.Abs(estimate - exact) <= (exact / 256.0) + 1, $"q={q}: {estimate} vs exact {exact}");
        }
    }

    [Fact]
    public void Values_below_128_ns_are_kept_exactly_and_an_empty_histogram_has_no_quantile()
    {
        var histogram = new LatencyHistogram();
        Assert.True(double.IsNaN(histogram.Quantile(0.5)));
        foreach (var v in (long[])[3, 3, 7, 100, 127])
        {
            histogram.Record(v);
        }

        Assert.Equal(3, histogram.Quantile(0.4));
        Assert.Equal(7, histogram.Quantile(0.6));
        Assert.Equal(127, histogram.Quantile(1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.Quantile(0));
    }

    [Fact]
    public void Buckets_tile_the_range_and_are_at_most_a_128th_of_their_values_wide()
    {
        var random = new Random(7);
        var expectedFrom = 0L;
        for (var index = 0; index < 128 + (40 * 128); index++)
        {
            var (from, to) = LatencyHistogram.BoundsOf(index);
            Assert.Equal(expectedFrom, from);
            Assert.True(to - from + 1 <= Math.Max(1, from / 128), $"bucket {index}: [{from}, {to}]");
            Assert.Equal(index, LatencyHistogram.IndexOf(from));
            Assert.Equal(index, LatencyHistogram.IndexOf(to));
            expectedFrom = to + 1;
        }

        for (var i = 0; i < 10_000; i++)
        {
            var v = random.NextInt64(0, long.MaxValue >> random.Next(0, 60));
            var (from, to) = LatencyHistogram.BoundsOf(LatencyHistogram.IndexOf(v));
            Assert.InRange(v, from, to);
        }
    }

    [Fact]
    public void Its_lines_read_back_into_the_same_histogram_and_a_foreign_line_is_refused()
    {
        var random = new Random(11);
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 5_000; i++)
        {
            histogram.Record(random.NextInt64(20_000, 2_000_000));
        }

        var copy = new LatencyHistogram();
        foreach (var (from, to, count) in histogram.Buckets())
        {
            Assert.True(copy.TryAddBucket(LatencyHistogram.FormatBucket(from, to, count)));
        }

        Assert.Equal(histogram.Count, copy.Count);
        Assert.Equal(histogram.Buckets(), copy.Buckets());
        Assert.Equal(histogram.Quantile(0.5), copy.Quantile(0.5));
        Assert.False(copy.TryAddBucket("1000,1001,5"), "not a bucket's bounds");
        Assert.False(copy.TryAddBucket("1000,1007"));
        Assert.False(copy.TryAddBucket("a,b,c"));
        Assert.Equal(histogram.Count, copy.Count);
    }

    [Fact]
    public void Merging_workers_adds_their_counts()
    {
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        for (var i = 1; i <= 100; i++)
        {
            a.Record(i * 1000);
            b.Record(i * 1000 + 100_000);
        }

        a.Add(b);

        Assert.Equal(200, a.Count);
        Assert.InRange(a.Quantile(0.5), 100_000 * 0.996, 100_000 * 1.004);
        Assert.InRange(a.Quantile(1.0), 200_000 * 0.996, 200_000);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
