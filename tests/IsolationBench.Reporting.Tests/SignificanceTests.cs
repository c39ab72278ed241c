using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.Tests;

public sealed class SignificanceTests
{
    [Fact]
    public void Three_containers_show_an_interval_but_are_never_called_significant()
    {
        var c = Comparisons.Compare([300.0, 310, 305], [100.0, 101, 102], "host", higherIsBetter: false, startup: false);

        Assert.True(c.RatioCi.IsKnown);
        Assert.False(c.RatioCi.Contains(1.0));
        Assert.False(c.Significant);
        Assert.Equal("too few containers: 3 (at least 5 per mode)", c.Withheld);
    }

    [Fact]
    public void One_sample_per_mode_gives_no_zero_width_significant_interval()
    {
        var c = Comparisons.Compare([300.0], [100.0], "host", higherIsBetter: false, startup: true);

        Assert.Equal(3.0, c.Ratio, 12);
        Assert.False(c.RatioCi.IsKnown);
        Assert.False(c.Significant);
        Assert.StartsWith("too few samples: 1", c.Withheld, StringComparison.Ordinal);
    }

    [Fact]
    public void Five_containers_with_a_clear_difference_are_significant()
    {
        var c = Comparisons.Compare([300.0, 310, 305, 298, 303], [100.0, 101, 102, 99, 100], "host", higherIsBetter: false, startup: false);

        Assert.Null(c.Withheld);
        Assert.True(c.Significant);
        Assert.InRange(c.Ratio, 2.9, 3.1);
    }

    [Fact]
    public void Welch_interval_on_logs_matches_a_hand_computation()
    {
        // logs of x: ln 2 ± 0 spread → use values e^{0,1,2} and e^{0,0,1,1}: means 1 and 0.5; variances 1 and 1/3.
        double[] x = [1, Math.E, Math.E * Math.E];
        double[] y = [1, 1, Math.E, Math.E];
        var (ratio, ci) = LogRatioInterval.Of(x, y);

        var se = Math.Sqrt((1.0 / 3) + ((1.0 / 3) / 4));
        var df = Math.Pow((1.0 / 3) + (1.0 / 12), 2) / ((1.0 / 9 / 2) + (1.0 / 144 / 3));
        var t = new Perfolizer.Mathematics.Distributions.ContinuousDistributions.StudentDistribution(df).Quantile(0.975);
        Assert.Equal(Math.Exp(0.5), ratio, 12);
        Assert.Equal(Math.Exp(0.5 - (t * se)), ci.Low, 9);
        Assert.Equal(Math.Exp(0.5 + (t * se)), ci.High, 9);
    }

    [Theory]
    [InlineData(5, 0.9375)]
    [InlineData(6, 0.96875)]
    [InlineData(30, 0.9572)]
    public void Order_statistic_median_interval_has_its_exact_binomial_coverage(int n, double coverage)
    {
        Assert.Equal(coverage, MedianInterval.Coverage(n), 3);
        var ci = MedianInterval.Of(Enumerable.Range(1, n).Select(i => (double)i).ToArray());
        Assert.True(ci.Contains((n + 1) / 2.0));
    }

    [Fact]
    public void Thirty_values_give_the_tenth_and_twenty_first_order_statistics()
    {
        var ci = MedianInterval.Of(Enumerable.Range(1, 30).Select(i => (double)i).ToArray());

        Assert.Equal(new Interval(10, 21), ci);
    }
}
