using IsolationBench.Reporting.CrossCheck;

namespace IsolationBench.Benchmarks.Host.Tests;

public sealed class CrossCheckTests
{
    private static BdnLifecycleFigure Bdn(string mode, double median) => new(mode, 20, median, median, median - 1, median + 1, 99.9, null, [median]);

    private static HarnessLifecycle H(string mode, double median) => new(mode, double.IsNaN(median) ? [] : [median]);

    [Fact]
    public void Medians_within_ten_percent_agree_and_the_difference_is_relative_to_the_harness()
    {
        var rows = LifecycleCrossCheck.Compare([Bdn("host", 3.2), Bdn("runc", 545)], [H("host", 3.0), H("runc", 500)]);

        Assert.All(rows, r => Assert.Equal(CrossCheckVerdict.Agree, r.Verdict));
        Assert.Equal(0.0667, rows[0].Difference!.Value, 4);
        Assert.Equal(0.09, rows[1].Difference!.Value, 4);
        Assert.Contains("agree", rows[1].Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_ten_percent_still_agrees_just_above_it_differs()
    {
        var rows = LifecycleCrossCheck.Compare([Bdn("runc", 550), Bdn("crun", 550.5)], [H("runc", 500), H("crun", 500)]);

        Assert.Equal(CrossCheckVerdict.Agree, rows[0].Verdict);
        Assert.Equal(CrossCheckVerdict.Differ, rows[1].Verdict);
    }

    [Fact]
    public void A_difference_names_the_larger_side_and_by_how_much()
    {
        var rows = LifecycleCrossCheck.Compare([Bdn("runc", 600), Bdn("crun", 400)], [H("runc", 500), H("crun", 500)]);

        Assert.Equal(CrossCheckVerdict.Differ, rows[0].Verdict);
        Assert.Contains("20.0 % higher than the harness's", rows[0].Sentence, StringComparison.Ordinal);
        Assert.Equal(CrossCheckVerdict.Differ, rows[1].Verdict);
        Assert.Contains("20.0 % lower than the harness's", rows[1].Sentence, StringComparison.Ordinal);
        Assert.True(rows[1].Difference < 0);
    }

    [Fact]
    public void Missing_modes_on_either_side_are_reported_not_compared()
    {
        var rows = LifecycleCrossCheck.Compare([Bdn("host", 3), Bdn("runsc", 900)], [H("host", 3), H("runc", 500), H("crun", double.NaN)]);

        Assert.Equal(["host", "runc", "crun", "runsc"], rows.Select(r => r.Mode));
        Assert.Equal(CrossCheckVerdict.Agree, rows[0].Verdict);
        Assert.Equal(CrossCheckVerdict.MissingBdn, rows[1].Verdict);
        Assert.Equal(CrossCheckVerdict.MissingBdn, rows[2].Verdict);
        Assert.Equal(CrossCheckVerdict.MissingHarness, rows[3].Verdict);
        Assert.Null(rows[1].Difference);
        Assert.Contains("no BenchmarkDotNet figure", rows[1].Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gap_beyond_the_tolerance_is_called_conclusive_only_when_its_interval_stays_beyond_it()
    {
        // Same medians (BDN 179 vs harness 200: −10.5 %, just beyond the tolerance): tight spreads vs wide ones.
        double[] tightBdn = [178, 179, 179, 179, 179, 179, 179, 179, 179, 179, 178];
        double[] tightHarness = [200, 200, 200, 201, 200, 200, 200, 199, 200, 201, 200];
        double[] wideBdn = [150, 160, 179, 179, 179, 200, 210, 170, 179, 190, 179];
        double[] wideHarness = [170, 200, 200, 200, 240, 230, 180, 200, 210, 200, 190];

        var tight = LifecycleCrossCheck.Compare([Figure("runc", tightBdn)], [new HarnessLifecycle("runc", tightHarness)])[0];
        var wide = LifecycleCrossCheck.Compare([Figure("runc", wideBdn)], [new HarnessLifecycle("runc", wideHarness)])[0];

        Assert.Equal(CrossCheckVerdict.Differ, tight.Verdict);
        Assert.Equal(CrossCheckVerdict.Differ, wide.Verdict);
        Assert.Equal(-0.105, tight.Difference!.Value, 3);
        Assert.Equal(tight.Difference!.Value, wide.Difference!.Value, 6);
        Assert.True(tight.DifferenceCi!.Value.High < -LifecycleCrossCheck.Tolerance, $"tight CI {tight.DifferenceCi}");
        Assert.True(tight.BeyondNoise);
        Assert.Contains("one of the two measurements is off", tight.Sentence, StringComparison.Ordinal);
        Assert.True(wide.DifferenceCi!.Value.High > -LifecycleCrossCheck.Tolerance, $"wide CI {wide.DifferenceCi}");
        Assert.False(wide.BeyondNoise);
        Assert.Contains("not conclusive", wide.Sentence, StringComparison.Ordinal);
        Assert.Contains("10.5 % lower", wide.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void The_interval_brackets_the_difference_and_is_the_same_every_time()
    {
        double[] bdn = [210, 205, 220, 215, 230, 208, 212, 219, 225, 211];
        double[] harness = [220, 231, 215, 240, 228, 219, 236, 222, 230, 225];

        var first = LifecycleCrossCheck.Compare([Figure("crun", bdn)], [new HarnessLifecycle("crun", harness)])[0];
        var again = LifecycleCrossCheck.Compare([Figure("crun", bdn)], [new HarnessLifecycle("crun", harness)])[0];

        Assert.Equal(CrossCheckVerdict.Agree, first.Verdict);
        Assert.InRange(first.Difference!.Value, first.DifferenceCi!.Value.Low, first.DifferenceCi!.Value.High);
        Assert.Equal(first.DifferenceCi, again.DifferenceCi);
        Assert.Contains("95 % CI", first.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_individual_values_there_is_no_interval_and_the_verdict_stands_on_the_medians()
    {
        var figure = Bdn("runc", 600) with { Iterations = [] };

        var row = LifecycleCrossCheck.Compare([figure], [H("runc", 500)])[0];

        Assert.Null(row.DifferenceCi);
        Assert.Equal(CrossCheckVerdict.Differ, row.Verdict);
        Assert.Contains("one of the two measurements is off", row.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void The_harness_side_is_every_ok_startup_total_per_mode_in_order()
    {
        Results.Sample S(string mode, string metric, double value, string status = "ok") => new()
        {
            RunId = "r", Round = 1, Mode = mode, Workload = "startup", Metric = metric, Unit = "ms", Value = value, Status = status,
            Source = "x", TimestampUtc = DateTimeOffset.UnixEpoch,
        };

        var sides = HarnessLifecycle.From([S("runc", "total", 200), S("host", "total", 7), S("runc", "start", 120), S("runc", "total", double.NaN, "failed: exit code 1"), S("runc", "total", 210)], "startup", "total");

        Assert.Equal(["runc", "host"], sides.Select(s => s.Mode));
        Assert.Equal([200.0, 210.0], sides[0].Totals);
    }

    private static BdnLifecycleFigure Figure(string mode, double[] iterations)
    {
        var median = Reporting.Statistics.Descriptive.Median(iterations);
        return new(mode, iterations.Length, median, iterations.Average(), median - 1, median + 1, 99.9, null, iterations);
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
            var row = LifecycleCrossCheck.Compare([Bdn("runc", 612.5)], [H("runc", 500)])[0];
            Assert.Contains("22.5 %", row.Sentence, StringComparison.Ordinal);
            Assert.Contains("612.5 ms", row.Sentence, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
