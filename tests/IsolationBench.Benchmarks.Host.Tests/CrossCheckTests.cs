using IsolationBench.Reporting.CrossCheck;

namespace IsolationBench.Benchmarks.Host.Tests;

public sealed class CrossCheckTests
{
    private static BdnLifecycleFigure Bdn(string mode, double median) => new(mode, 20, median, median, median - 1, median + 1, 99.9, null);

    [Fact]
    public void Medians_within_ten_percent_agree_and_the_difference_is_relative_to_the_harness()
    {
        var rows = LifecycleCrossCheck.Compare([Bdn("host", 3.2), Bdn("runc", 545)], [("host", 3.0), ("runc", 500)]);

        Assert.All(rows, r => Assert.Equal(CrossCheckVerdict.Agree, r.Verdict));
        Assert.Equal(0.0667, rows[0].Difference!.Value, 4);
        Assert.Equal(0.09, rows[1].Difference!.Value, 4);
        Assert.Contains("agree", rows[1].Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_ten_percent_still_agrees_just_above_it_differs()
    {
        var rows = LifecycleCrossCheck.Compare([Bdn("runc", 550), Bdn("crun", 550.5)], [("runc", 500), ("crun", 500)]);

        Assert.Equal(CrossCheckVerdict.Agree, rows[0].Verdict);
        Assert.Equal(CrossCheckVerdict.Differ, rows[1].Verdict);
    }

    [Fact]
    public void A_difference_names_the_larger_side_and_by_how_much()
    {
        var rows = LifecycleCrossCheck.Compare([Bdn("runc", 600), Bdn("crun", 400)], [("runc", 500), ("crun", 500)]);

        Assert.Equal(CrossCheckVerdict.Differ, rows[0].Verdict);
        Assert.Contains("20.0 % higher than the harness's", rows[0].Sentence, StringComparison.Ordinal);
        Assert.Equal(CrossCheckVerdict.Differ, rows[1].Verdict);
        Assert.Contains("20.0 % lower than the harness's", rows[1].Sentence, StringComparison.Ordinal);
        Assert.True(rows[1].Difference < 0);
    }

    [Fact]
    public void Missing_modes_on_either_side_are_reported_not_compared()
    {
        var rows = LifecycleCrossCheck.Compare([Bdn("host", 3), Bdn("runsc", 900)], [("host", 3), ("runc", 500), ("crun", double.NaN)]);

        Assert.Equal(["host", "runc", "crun", "runsc"], rows.Select(r => r.Mode));
        Assert.Equal(CrossCheckVerdict.Agree, rows[0].Verdict);
        Assert.Equal(CrossCheckVerdict.MissingBdn, rows[1].Verdict);
        Assert.Equal(CrossCheckVerdict.MissingBdn, rows[2].Verdict);
        Assert.Equal(CrossCheckVerdict.MissingHarness, rows[3].Verdict);
        Assert.Null(rows[1].Difference);
        Assert.Contains("no BenchmarkDotNet figure", rows[1].Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentences_use_invariant_numbers_under_a_comma_decimal_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        // Globalization-invariant mode has no de-DE: build a comma-decimal culture by hand.
        var comma = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        System.Globalization.CultureInfo.CurrentCulture = comma;
        try
        {
            var row = LifecycleCrossCheck.Compare([Bdn("runc", 612.5)], [("runc", 500)])[0];
            Assert.Contains("22.5 %", row.Sentence, StringComparison.Ordinal);
            Assert.Contains("612.5 ms", row.Sentence, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
