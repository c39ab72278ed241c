using IsolationBench.Reporting;
using IsolationBench.Reporting.Comparison;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Tests;

public sealed class CompareRuleTests
{
    private static readonly CompareOptions Options = new() { BootstrapResamples = 2_000 };

    private static MetricChange Only(ComparisonResult r, string mode = "runc") => Assert.Single(r.Changes, c => c.Mode == mode && c.Workload == "startup");

    [Fact]
    public void A_20_percent_slowdown_on_tight_samples_is_a_regression_and_fails_the_gate()
    {
        var before = new CompareSynthetic("before", 1).Add("runc", "startup", "total", Units.Milliseconds, 300, 0.03).Side();
        var after = new CompareSynthetic("after", 2).Add("runc", "startup", "total", Units.Milliseconds, 360, 0.03).Side();

        var result = RunComparer.Compare(before, after, Options);

        var change = Only(result);
        Assert.Equal(ChangeVerdict.Regressed, change.Verdict);
        Assert.InRange(change.Change, 0.15, 0.25);
        Assert.True(change.Significant);
        Assert.True(result.GateFails);
    }

    [Fact]
    public void The_same_20_percent_slowdown_on_samples_too_noisy_to_be_significant_is_not_flagged()
    {
        var before = new CompareSynthetic("before", 3).Add("runc", "startup", "total", Units.Milliseconds, 300, 0.6, rounds: 10).Side();
        var after = new CompareSynthetic("after", 4).Add("runc", "startup", "total", Units.Milliseconds, 360, 0.6, rounds: 10).Side();

        var result = RunComparer.Compare(before, after, Options);

        var change = Only(result);
        Assert.False(change.Significant);
        Assert.NotEqual(ChangeVerdict.Regressed, change.Verdict);
        Assert.False(result.GateFails);
    }

    [Fact]
    public void A_guest_series_from_one_container_per_run_gets_no_interval_and_no_verdict_however_tight_its_iterations()
    {
        // Its 15 iterations share one container's luck: resampled as independent they made a 2 % shift "significant".
        var before = new CompareSynthetic("before", 21).Add("runc", "syscall", "StatMissing", Units.NanosecondsPerOp, 320, 0.01, rounds: 1, iterations: 15).Side();
        var after = new CompareSynthetic("after", 22).Add("runc", "syscall", "StatMissing", Units.NanosecondsPerOp, 400, 0.01, rounds: 1, iterations: 15).Side();

        var result = RunComparer.Compare(before, after, Options);
        var change = Assert.Single(result.Changes);

        Assert.False(change.RatioCi.IsKnown);
        Assert.Equal("not judged", ComparisonText.Rows(result)[0][0]);
        Assert.Contains(ComparisonText.Preamble(result, Options), l => l.StartsWith("not judged: 1 series with one container", StringComparison.Ordinal));
        Assert.Equal(ChangeVerdict.Same, change.Verdict);
        Assert.InRange(change.Ratio, 1.15, 1.35);
    }

    [Fact]
    public void An_identical_rerun_flags_nothing_at_any_threshold()
    {
        CompareSide Run(string id, int seed) => new CompareSynthetic(id, seed)
            .Add("host", "startup", "total", Units.Milliseconds, 15, 0.08)
            .Add("runc", "startup", "total", Units.Milliseconds, 300, 0.1)
            .Add("runc", "syscall", "StatMissing", Units.NanosecondsPerOp, 320, 0.02, rounds: 3, iterations: 15)
            .Add("runc", "io", "SequentialWrite1MiB@layer", Units.MegabytesPerSecond, 1600, 0.05, rounds: 3, iterations: 15)
            .Cpu(1.0).Side();

        var result = RunComparer.Compare(Run("a", 5), Run("b", 6), Options);

        Assert.Empty(result.Regressions);
        Assert.False(result.Noisy);
        Assert.False(result.GateFails);
        Assert.Equal(0, result.RegressionsAt(0.05));
        Assert.Equal(6, result.Changes.Count);
    }

    [Fact]
    public void A_noisy_host_is_reported_but_never_switches_the_gate_off()
    {
        var before = new CompareSynthetic("before", 7).Add("runc", "startup", "total", Units.Milliseconds, 300, 0.03).Cpu(1.0).Side();
        var after = new CompareSynthetic("after", 8).Add("runc", "startup", "total", Units.Milliseconds, 360, 0.03).Cpu(1.12).Side();

        var result = RunComparer.Compare(before, after, Options);

        Assert.True(after.IsNoisy);
        Assert.Contains("ComputeLoop", Assert.Single(after.NoiseReasons), StringComparison.Ordinal);
        Assert.True(result.Noisy);
        Assert.Equal(ChangeVerdict.Regressed, Only(result).Verdict);
        Assert.True(result.GateFails);
        Assert.Contains("it does not switch the gate off", result.Summary(), StringComparison.Ordinal);
        var markdown = ComparisonText.Markdown(result, Options);
        Assert.Contains("**FAILED**", markdown, StringComparison.Ordinal);
        Assert.Contains("threshold is not widened", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Throughput_is_direction_aware()
    {
        var before = new CompareSynthetic("before", 9)
            .Add("runc", "io", "Write@layer", Units.MegabytesPerSecond, 1000, 0.02, rounds: 5, iterations: 10)
            .Add("runc", "io", "Read@layer", Units.OpsPerSecond, 1000, 0.02, rounds: 5, iterations: 10).Side();
        var after = new CompareSynthetic("after", 10)
            .Add("runc", "io", "Write@layer", Units.MegabytesPerSecond, 800, 0.02, rounds: 5, iterations: 10)
            .Add("runc", "io", "Read@layer", Units.OpsPerSecond, 1250, 0.02, rounds: 5, iterations: 10).Side();

        var result = RunComparer.Compare(before, after, Options);

        Assert.Equal(ChangeVerdict.Regressed, result.Changes.Single(c => c.Metric == "Write@layer").Verdict);
        Assert.Equal(ChangeVerdict.Improved, result.Changes.Single(c => c.Metric == "Read@layer").Verdict);
    }

    [Fact]
    public void A_change_below_the_threshold_is_same_even_when_significant()
    {
        var before = new CompareSynthetic("before", 11).Add("runc", "startup", "total", Units.Milliseconds, 300, 0.01).Side();
        var after = new CompareSynthetic("after", 12).Add("runc", "startup", "total", Units.Milliseconds, 315, 0.01).Side();

        var result = RunComparer.Compare(before, after, Options);

        Assert.True(Only(result).Significant);
        Assert.Equal(ChangeVerdict.Same, Only(result).Verdict);
        Assert.Equal(1, result.RegressionsAt(0.02));
        Assert.Equal(0, result.RegressionsAt(0.10));
    }

    [Fact]
    public void The_rule_needs_both_the_threshold_and_the_interval()
    {
        Assert.Equal(ChangeVerdict.Regressed, CompareRule.Classify(1.2, new Interval(1.1, 1.3), 0.1));
        Assert.Equal(ChangeVerdict.Same, CompareRule.Classify(1.2, new Interval(0.9, 1.5), 0.1));
        Assert.Equal(ChangeVerdict.Same, CompareRule.Classify(1.05, new Interval(1.03, 1.07), 0.1));
        Assert.Equal(ChangeVerdict.Improved, CompareRule.Classify(0.8, new Interval(0.75, 0.85), 0.1));
        Assert.Equal(ChangeVerdict.Same, CompareRule.Classify(double.NaN, Interval.Unknown, 0.1));
    }

    [Fact]
    public void One_run_bootstraps_exactly_as_the_report_does_and_more_runs_widen_for_drift()
    {
        double[][] run = [[1, 2], [3], [4, 5, 6]];
        Assert.Equal(Bootstrap.Medians(run, 500, 3), HierarchicalBootstrap.Medians([run], 500, 3));

        double[][] night1 = Enumerable.Range(0, 20).Select(i => new[] { 100 + (i % 3) * 0.1 }).ToArray();
        double[][] night2 = Enumerable.Range(0, 20).Select(i => new[] { 110 + (i % 3) * 0.1 }).ToArray();
        var pooled = Bootstrap.PercentileInterval(Bootstrap.Medians([.. night1, .. night2], 2_000, 1));
        var nested = Bootstrap.PercentileInterval(HierarchicalBootstrap.Medians([night1, night2], 2_000, 1));
        Assert.True(nested.High - nested.Low > pooled.High - pooled.Low);
    }

    [Fact]
    public void Series_only_on_one_side_are_listed_not_compared()
    {
        var before = new CompareSynthetic("before", 13).Add("runc", "startup", "total", Units.Milliseconds, 300, 0.03).Side();
        var after = new CompareSynthetic("after", 14).Add("runc", "startup", "total", Units.Milliseconds, 300, 0.03)
            .Add("crun", "startup", "total", Units.Milliseconds, 280, 0.03).Side();

        var result = RunComparer.Compare(before, after, Options);

        Assert.Single(result.Changes);
        Assert.Contains("crun", Assert.Single(result.Unmatched), StringComparison.Ordinal);
    }
    [Fact]
    public void A_mode_the_baseline_has_and_the_current_lacks_fails_the_gate_with_one_line()
    {
        var before = new CompareSynthetic("before", 15).Add("runc", "startup", "total", Units.Milliseconds, 300, 0.03)
            .Add("crun", "startup", "total", Units.Milliseconds, 280, 0.03).Add("crun", "startup", "create", Units.Milliseconds, 80, 0.03).Side();
        var after = new CompareSynthetic("after", 16).Add("runc", "startup", "total", Units.Milliseconds, 300, 0.03).Side();

        var result = RunComparer.Compare(before, after, Options);

        Assert.Empty(result.Regressions);
        Assert.Equal("missing in after: mode crun, 2 series of before", Assert.Single(result.Missing));
        Assert.True(result.GateFails);
    }

    [Fact]
    public void Unverified_all_failed_and_missing_metrics_each_fail_the_gate_with_their_own_line()
    {
        var before = new CompareSynthetic("before", 17).Add("runc", "startup", "total", Units.Milliseconds, 300, 0.03)
            .Add("runsc", "startup", "total", Units.Milliseconds, 500, 0.03)
            .Add("crun", "startup", "total", Units.Milliseconds, 280, 0.03)
            .Add("runc", "io", "Read@layer", Units.MegabytesPerSecond, 900, 0.03, rounds: 5)
            .Add("runc", "io", "Write@layer", Units.MegabytesPerSecond, 900, 0.03, rounds: 5).Side();
        var afterRun = new CompareSynthetic("after", 18).Add("runc", "startup", "total", Units.Milliseconds, 300, 0.03)
            .Add("runc", "io", "Read@layer", Units.MegabytesPerSecond, 900, 0.03, rounds: 5)
            .Failed("crun", "startup", "total", "exit code 125").Build() with
            {
                Unverified = [new ExcludedMode("runsc", "kernel is the host's")],
            };
        var after = new CompareSide("after", [afterRun], []);

        var result = RunComparer.Compare(before, after, Options);

        Assert.Equal(
            [
                "all failed in after: startup [crun] (failed:exit code 125)",
                "missing in after: io/Write@layer [runc]",
                "unverified in after: mode runsc (kernel is the host's), 1 series of before",
            ],
            result.Missing);
        Assert.Empty(result.FailureRises);
        Assert.True(result.GateFails);
    }

    [Fact]
    public void A_failure_rate_up_by_more_than_5_points_fails_the_gate_and_up_to_5_does_not()
    {
        var before = new CompareSynthetic("before", 19).Add("runc", "startup", "total", Units.Milliseconds, 300, 0.03, rounds: 40).Side();
        CompareSide After(int failedRounds)
        {
            var run = new CompareSynthetic("after", 20).Add("runc", "startup", "total", Units.Milliseconds, 300, 0.03, rounds: 40);
            for (var r = 1; r <= failedRounds; r++)
            {
                run.Failed("runc", "startup", "total", "timeout", round: 40 + r);
            }

            return run.Side();
        }

        var two = RunComparer.Compare(before, After(2), Options);
        var three = RunComparer.Compare(before, After(3), Options);

        Assert.Empty(two.FailureRises);
        Assert.False(two.GateFails);
        Assert.Equal("failures rose: startup [runc] 3/43 cells failed (7 %) in after, 0/40 (0 %) in before: +7 points > 5 (failed:timeout)",
            Assert.Single(three.FailureRises));
        Assert.True(three.GateFails);
    }

    [Fact]
    public void A_failed_guest_container_counts_as_one_failed_cell_not_one_sample_among_hundreds()
    {
        var before = new CompareSynthetic("before", 21).Add("runc", "syscall", "Stat", Units.NanosecondsPerOp, 300, 0.02, rounds: 5, iterations: 50).Side();
        var after = new CompareSynthetic("after", 22).Add("runc", "syscall", "Stat", Units.NanosecondsPerOp, 300, 0.02, rounds: 4, iterations: 50)
            .Failed("runc", "syscall", "(run)", "container exited 139", round: 5).Side();

        var result = RunComparer.Compare(before, after, Options);

        Assert.Contains("1/5 cells failed (20 %)", Assert.Single(result.FailureRises), StringComparison.Ordinal);
    }

    [Fact]
    public void With_several_baseline_nights_their_spread_widens_the_interval_of_one_current_night()
    {
        CompareSynthetic Night(string id, int seed, double center) => new CompareSynthetic(id, seed).Add("runc", "startup", "total", Units.Milliseconds, center, 0.02);
        var nights = new[] { 290.0, 310, 300, 320, 280 }.Select((c, i) => Night("n" + i, 30 + i, c).Build()).ToList();
        var current = Night("now", 40, 300).Side();

        var oneNight = Only(RunComparer.Compare(new CompareSide("n0", [nights[0]], []), current, Options));
        var fiveNights = Only(RunComparer.Compare(new CompareSide("last:5", nights, []), current, Options));

        Assert.True(double.IsNaN(oneNight.NightSigma));
        Assert.InRange(fiveNights.NightSigma, 0.03, 0.10);
        Assert.True(fiveNights.SlowdownCi.High - fiveNights.SlowdownCi.Low > 0.10, $"interval {fiveNights.SlowdownCi}");
        Assert.True(fiveNights.SlowdownCi.Contains(1.0));
        Assert.Contains(ComparisonText.Preamble(RunComparer.Compare(new CompareSide("n0", [nights[0]], []), current, Options), Options),
            l => l.StartsWith("night-to-night spread: not in the intervals", StringComparison.Ordinal));
        Assert.Contains(ComparisonText.Preamble(RunComparer.Compare(new CompareSide("last:5", nights, []), current, Options), Options),
            l => l.StartsWith("night-to-night spread: from the 5 baseline runs", StringComparison.Ordinal) && l.Contains("4 df", StringComparison.Ordinal));
    }
}
