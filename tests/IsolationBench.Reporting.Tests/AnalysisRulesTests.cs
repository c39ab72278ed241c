using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Tests;

/// <summary>Which ratios the analysis gives, against which baseline, and when it withholds a verdict.</summary>
public sealed class AnalysisRulesTests
{
    private static RunAnalysis Analyze(FixtureRun f, string? baseline = null)
    {
        f.Write();
        return RunAnalyzer.Analyze(f.Run.ReadManifest(), SampleCsv.Read(f.Run.Samples), f.Run.ReadFingerprints(),
            new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, Baseline = baseline }, f.Run.Samples);
    }

    [Fact]
    public void Startup_phases_get_a_ratio_only_where_both_sides_mean_the_same_thing()
    {
        using var f = FixtureRun.Realistic();
        var a = Analyze(f);

        Assert.NotNull(a.Row("startup", "total", "runc")!.Comparison);
        Assert.NotNull(a.Row("startup", "fingerprint", "runsc")!.Comparison);
        Assert.NotNull(a.Row("startup", "exit", "runsc")!.Comparison);
        foreach (var phase in new[] { "ready", "start", "create", "remove" })
        {
            var row = a.Row("startup", phase, "runsc")!;
            Assert.Null(row.Comparison);
            Assert.NotNull(row.NoRatio);
            Assert.StartsWith("no ratio: ", ReportContent.SignificanceCell(row, row.Comparison), StringComparison.Ordinal);
        }

        // Between two containers start, create and remove are the same engine calls: the pair (runsc vs runc) has them.
        Assert.NotNull(a.Row("startup", "start", "runsc")!.Pair);
        Assert.Null(a.Row("startup", "ready", "runsc")!.Pair);
    }

    [Fact]
    public void Each_sandbox_is_also_shown_against_runc_and_runc_itself_has_no_pair()
    {
        using var f = FixtureRun.Realistic();
        var a = Analyze(f);

        var pair = a.Row("syscall", "StatMissing", "runsc")!.Pair!;
        Assert.Equal("runc", pair.Against);
        Assert.InRange(pair.Ratio, 150, 230);
        Assert.Null(a.Row("syscall", "StatMissing", "runc")!.Pair);
        Assert.Null(a.Row("syscall", "StatMissing", "crun")!.Pair);
    }

    [Fact]
    public void The_manifest_baseline_is_used_when_none_is_given_and_an_option_overrides_it()
    {
        using var f = FixtureRun.Realistic();
        f.Baseline = "runc";

        Assert.Equal("runc", Analyze(f).Baseline);
        Assert.Equal("crun", Analyze(f, "crun").Baseline);
    }

    [Fact]
    public void An_old_manifest_without_a_baseline_and_without_host_falls_back_to_runc()
    {
        using var f = new FixtureRun(3) { Modes = ["runsc", "runc"], Baseline = null };
        f.Add("runsc", "startup", "total", Units.Milliseconds, 500).Add("runc", "startup", "total", Units.Milliseconds, 300);
        var a = Analyze(f);

        Assert.Equal("runc", a.Baseline);
        Assert.True(a.Row("startup", "total", "runsc")!.Comparison!.Significant);
    }

    [Fact]
    public void One_container_per_guest_mode_shows_an_interval_but_no_verdict_and_the_report_says_why()
    {
        using var f = new FixtureRun(4) { Modes = ["host", "runc"] };
        f.Add("host", "cpu", "ComputeLoop", Units.NanosecondsPerOp, 1000, rounds: 1, iterations: 15)
            .Add("runc", "cpu", "ComputeLoop", Units.NanosecondsPerOp, 1300, rounds: 1, iterations: 15);
        var row = Analyze(f).Row("cpu", "ComputeLoop", "runc")!;

        Assert.Equal(1, row.Statistics.Units);
        Assert.False(row.Comparison!.Significant);
        Assert.Equal("not judged: too few containers: 1 (at least 5 per mode)", ReportContent.SignificanceCell(row, row.Comparison));
    }

    [Theory]
    [InlineData(new[] { "host", "runc", "runsc" }, "host")]
    [InlineData(new[] { "runsc", "crun", "runc" }, "runc")]
    [InlineData(new[] { "hyperv", "process" }, "process")]
    [InlineData(new[] { "runsc", "crun" }, "crun")]
    [InlineData(new[] { "kata-qemu", "runsc" }, "kata-qemu")]
    public void Baseline_rule_picks_the_least_isolated_mode_present(string[] modes, string expected) =>
        Assert.Equal(expected, BaselineRule.Choose(modes));

    [Fact]
    public void Pair_partners_follow_the_platform()
    {
        string[] linux = ["host", "runc", "crun", "runsc", "kata-qemu"];
        Assert.Equal("runc", BaselineRule.PairPartner("runsc", linux));
        Assert.Equal("runc", BaselineRule.PairPartner("kata-qemu", linux));
        Assert.Null(BaselineRule.PairPartner("crun", linux));
        Assert.Equal("process", BaselineRule.PairPartner("hyperv", ["host", "process", "hyperv"]));
        Assert.Null(BaselineRule.PairPartner("runsc", ["host", "runsc"]));
    }
    [Fact]
    public void Failed_fingerprints_are_counted_by_container_not_by_line()
    {
        using var f = FixtureRun.Realistic();
        f.Write();
        // Three guest categories shared container c1 (a fingerprint line each); c2 is another container.
        FingerprintRecord Line(string workload, string source) => new("crun", 1, workload, source, false, "asked crun, got gVisor", null);

        var excluded = RunAnalyzer.Unverified(f.Run.ReadManifest(), [Line("syscall", "c1"), Line("io", "c1"), Line("cpu", "c1"), Line("cpu", "c2")]);

        Assert.StartsWith("2 container(s) failed", Assert.Single(excluded, e => e.Mode == "crun").Reason, StringComparison.Ordinal);
    }
}
