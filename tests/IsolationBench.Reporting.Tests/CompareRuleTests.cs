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
    public void A_regression_on_a_noisy_host_is_reported_but_does_not_fail_the_gate()
    {
        var before = new CompareSynthetic("before", 7).Add("runc", "startup", "total", Units.Milliseconds, 300, 0.03).Cpu(1.0).Side();
        var after = new CompareSynthetic("after", 8).Add("runc", "startup", "total", Units.Milliseconds, 360, 0.03).Cpu(1.12).Side();

        var result = RunComparer.Compare(before, after, Options);

        Assert.True(after.IsNoisy);
        Assert.Contains("ComputeLoop", Assert.Single(after.NoiseReasons), StringComparison.Ordinal);
        Assert.True(result.Noisy);
        Assert.Equal(ChangeVerdict.Regressed, Only(result).Verdict);
        Assert.False(result.GateFails);
        Assert.Contains("noisy", result.Summary(), StringComparison.Ordinal);
        Assert.Contains("passed (noisy host)", ComparisonText.Markdown(result, Options), StringComparison.Ordinal);
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
}
