using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Tests;

public sealed class ComparisonTests
{
    private static RunAnalysis Analyze(FixtureRun f, string baseline = "host")
    {
        f.Write();
        return RunAnalyzer.Analyze(f.Run.ReadManifest(), SampleCsv.Read(f.Run.Samples), f.Run.ReadFingerprints(),
            new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, Baseline = baseline, BootstrapResamples = 2_000 }, f.Run.Samples);
    }

    [Fact]
    public void A_time_twice_as_long_is_a_2x_overhead_and_significant()
    {
        using var f = new FixtureRun(1) { Modes = ["host", "runc"] };
        f.Add("host", "startup", "total", Units.Milliseconds, 100).Add("runc", "startup", "total", Units.Milliseconds, 200);
        var c = Analyze(f).Row("startup", "total", "runc")!.Comparison!;

        Assert.InRange(c.Ratio, 1.9, 2.1);
        Assert.Equal(c.Ratio, c.Overhead);
        Assert.True(c.Significant);
        Assert.True(c.RatioCi.Low > 1);
        Assert.True(c.MannWhitneyP < 0.05);
    }

    [Fact]
    public void Half_the_throughput_is_a_2x_overhead_with_the_raw_ratio_kept()
    {
        using var f = new FixtureRun(2) { Modes = ["host", "runc"] };
        f.Add("host", "io", "SequentialWrite1MiB@layer", Units.MegabytesPerSecond, 2000, rounds: 8, iterations: 5)
            .Add("runc", "io", "SequentialWrite1MiB@layer", Units.MegabytesPerSecond, 1000, rounds: 8, iterations: 5);
        var row = Analyze(f).Row("io", "SequentialWrite1MiB@layer", "runc")!;
        var c = row.Comparison!;

        Assert.True(row.HigherIsBetter);
        Assert.InRange(c.Ratio, 0.45, 0.55);
        Assert.InRange(c.Overhead, 1.8, 2.2);
        Assert.Equal(1 / c.Ratio, c.Overhead, 9);
        Assert.True(c.OverheadCi.Low > 1, "throughput overhead CI is the reciprocal of the ratio CI");
        Assert.Contains("lower throughput than host", Verdicts.ForRow(row, "host").Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ratio_ci_straddling_one_is_not_significant()
    {
        using var f = new FixtureRun(3) { Modes = ["host", "runc", "crun"] };
        f.Add("host", "startup", "total", Units.Milliseconds, 2)
            .Add("runc", "startup", "total", Units.Milliseconds, 250, noise: 0.05)
            .Add("crun", "startup", "total", Units.Milliseconds, 250, noise: 0.05);
        var analysis = Analyze(f, baseline: "runc");
        var row = analysis.Row("startup", "total", "crun")!;

        Assert.True(row.Comparison!.RatioCi.Contains(1.0));
        Assert.False(row.Comparison.Significant);
        Assert.StartsWith("crun is indistinguishable from runc", Verdicts.ForRow(row, "runc").Sentence, StringComparison.Ordinal);
        Assert.Contains("not significant", Verdicts.ForRow(row, "runc").Sentence, StringComparison.Ordinal);
        Assert.Equal("runc", analysis.Modes[0]);
    }

    [Fact]
    public void Failed_samples_are_counted_and_never_averaged_in()
    {
        using var f = new FixtureRun(4) { Modes = ["host", "runc"] };
        f.AddExact("host", "startup", "total", Units.Milliseconds, 1, 2, 3)
            .AddExact("runc", "startup", "total", Units.Milliseconds, 10, 20, 30)
            .AddFailed("runc", "startup", "total", Units.Milliseconds, 2);
        var s = Analyze(f).Row("startup", "total", "runc")!.Statistics;

        Assert.Equal(3, s.N);
        Assert.Equal(2, s.NFailed);
        Assert.Equal(20, s.Mean, 12);
        Assert.Equal(20, s.Median, 12);
        Assert.Equal(10, s.StandardDeviation, 12);
    }

    [Fact]
    public void Startup_verdict_uses_the_total_metric()
    {
        using var f = new FixtureRun(5) { Modes = ["host", "runsc"] };
        f.Add("host", "startup", "start", Units.Milliseconds, 1).Add("host", "startup", "total", Units.Milliseconds, 250)
            .Add("runsc", "startup", "start", Units.Milliseconds, 10).Add("runsc", "startup", "total", Units.Milliseconds, 400);
        var verdict = Assert.Single(Verdicts.For(Analyze(f)));

        Assert.Equal("total", verdict.Metric);
        Assert.InRange(verdict.Overhead, 1.5, 1.7);
        Assert.Matches(@"^runsc starts 1\.[5-7]\d× slower than host \(95 % CI 1\.\d\d–1\.\d\d\)$", verdict.Sentence);
        Assert.Contains("slower than host (95 % CI", verdict.Sentence, StringComparison.Ordinal);
    }
}
