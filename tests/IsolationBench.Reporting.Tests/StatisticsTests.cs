using System.Globalization;
using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.Tests;

public sealed class StatisticsTests
{
    [Fact]
    public void Median_mean_and_sd_of_a_hand_checked_set()
    {
        double[] values = [2, 4, 4, 4, 5, 5, 7, 9];

        Assert.Equal(4.5, Descriptive.Median(values), 12);
        Assert.Equal(5.0, Descriptive.Mean(values), 12);

        // Σ(x−5)² = 32; sample variance 32/7.
        Assert.Equal(Math.Sqrt(32.0 / 7), Descriptive.StandardDeviation(values), 12);
        Assert.Equal(3.0, Descriptive.Median([5, 1, 3]), 12);
        Assert.True(double.IsNaN(Descriptive.Median([])));
    }

    [Fact]
    public void Median_ci_of_a_hand_checked_set_brackets_the_median_within_the_order_statistics()
    {
        // 1..11, median 6. A 95 % CI for the median of 11 values cannot be narrower than x(3)..x(9) (binomial: x(2)..x(10)).
        var clusters = Enumerable.Range(1, 11).Select(v => new double[] { v }).ToList();
        var ci = Bootstrap.PercentileInterval(Bootstrap.Medians(clusters, 10_000, 1));

        Assert.InRange(ci.Low, 2, 4);
        Assert.InRange(ci.High, 8, 10);
        Assert.True(ci.Contains(6));
    }

    [Fact]
    public void Bootstrap_is_reproducible_with_the_fixed_seed_and_constant_data_has_a_point_interval()
    {
        var clusters = new[] { 3.0, 1, 4, 1, 5, 9, 2, 6 }.Select(v => new[] { v }).ToList();
        Assert.Equal(Bootstrap.Medians(clusters, 500, 7), Bootstrap.Medians(clusters, 500, 7));

        var constant = Enumerable.Repeat(new[] { 42.0 }, 10).ToList();
        Assert.Equal(new Interval(42, 42), Bootstrap.PercentileInterval(Bootstrap.Medians(constant, 500, 7)));
    }

    [Fact]
    public void Quantile_type_7_interpolates()
    {
        double[] sorted = [1, 2, 3, 4];
        Assert.Equal(1.75, Descriptive.QuantileOfSorted(sorted, 0.25), 12);
        Assert.Equal(4, Descriptive.QuantileOfSorted(sorted, 1), 12);
    }

    [Fact]
    public void Statistics_and_formatting_do_not_depend_on_a_comma_decimal_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture)); // the culture really is comma-decimal
            Assert.Equal(4.5, Descriptive.Median([2.0, 4, 4, 4, 5, 5, 7, 9]), 12);
            Assert.Equal("1.62", Output.Fmt.Factor(1.6234));
            Assert.Equal("0.250", Output.Fmt.Value(0.25));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
