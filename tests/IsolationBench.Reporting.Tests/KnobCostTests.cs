using IsolationBench.Reporting.Comparison;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Variants;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Tests;

/// <summary>
/// Variants (runc+unconfined…) beside their parent: the report attributes the parent's overhead to the knob, with the
/// same units and interval as every ratio; a variant is never the baseline, and is said to be less isolated.
/// </summary>
public sealed class KnobCostTests
{
    [Theory]
    [InlineData(0.80, "80 %")]
    [InlineData(-0.17, "−17 %")]
    [InlineData(-0.004, "0 %")]
    [InlineData(0.004, "0 %")]
    [InlineData(2.333, "233 %")]
    public void A_share_prints_a_minus_sign_only_when_it_rounds_below_zero(double fraction, string expected)
    {
        Assert.Equal(expected, KnobCostSection.Percent(fraction));
    }

    [Fact]
    public void The_knob_cost_is_parent_over_variant_for_times_and_its_share_is_the_log_fraction_of_the_parents_overhead()
    {
        // Known truth: host 100 ns, runc 160 ns, runc+unconfined 125 ns (seccomp = 160/125 = 1.28 of runc's 1.6),
        // runc+nomemlimit 160 ns (costs nothing). Exact values: the arithmetic, not the noise, is under test.
        using var run = new FixtureRun(5) { Modes = ["host", "runc", "runc+unconfined", "runc+nomemlimit"], Workloads = ["syscall"] };
        run.AddExact("host", "syscall", "getppid", Units.NanosecondsPerOp, 100, 100, 100, 100, 100)
            .AddExact("runc", "syscall", "getppid", Units.NanosecondsPerOp, 160, 160, 160, 160, 160)
            .AddExact("runc+unconfined", "syscall", "getppid", Units.NanosecondsPerOp, 125, 125, 125, 125, 125)
            .AddExact("runc+nomemlimit", "syscall", "getppid", Units.NanosecondsPerOp, 160, 160, 160, 160, 160)
            .Write();
        var analysis = ReportGenerator.Analyze(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports });

        var costs = KnobCosts.Of(analysis);

        Assert.Equal(["runc+unconfined", "runc+nomemlimit"], costs.Select(c => c.Variant));
        var seccomp = costs[0];
        Assert.Equal(("runc", ModeVariants.Unconfined), (seccomp.Parent, seccomp.Knob));
        Assert.Equal(1.28, seccomp.Cost.Overhead, 9);
        Assert.Equal(1.6, seccomp.ParentOverhead!.Value, 9);
        Assert.Equal(1.25, seccomp.VariantOverhead!.Value, 9);
        Assert.Equal(Math.Log(1.28) / Math.Log(1.6), seccomp.Share!.Value, 9);
        Assert.True(seccomp.Cost.Significant);
        Assert.Equal(1.0, costs[1].Cost.Overhead, 9);
        Assert.Equal(0.0, costs[1].Share!.Value, 9);
        Assert.False(costs[1].Cost.Significant);
        Assert.Equal("host", analysis.Baseline);
    }

    [Fact]
    public void For_throughput_the_knob_cost_is_variant_over_parent_so_above_one_still_means_the_knob_costs()
    {
        using var run = new FixtureRun(6) { Modes = ["host", "crun", "crun+unconfined"], Workloads = ["io"] };
        run.AddExact("host", "io", "seq-read", Units.MegabytesPerSecond, 1000, 1000, 1000, 1000, 1000)
            .AddExact("crun", "io", "seq-read", Units.MegabytesPerSecond, 500, 500, 500, 500, 500)
            .AddExact("crun+unconfined", "io", "seq-read", Units.MegabytesPerSecond, 800, 800, 800, 800, 800)
            .Write();

        var cost = Assert.Single(KnobCosts.Of(ReportGenerator.Analyze(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports })));

        Assert.Equal(1.6, cost.Cost.Overhead, 9);
        Assert.Equal(Math.Log(1.6) / Math.Log(2.0), cost.Share!.Value, 9);
    }

    [Theory]
    [InlineData(1.28, 1.6, 0.525)]
    [InlineData(1.6, 1.6, 1.0)]
    [InlineData(1.0, 1.6, 0.0)]
    [InlineData(0.9, 1.6, -0.224)]
    public void The_share_is_the_log_fraction_of_the_parents_overhead(double cost, double parent, double share) =>
        Assert.Equal(share, KnobCosts.Share(cost, parent)!.Value, 3);

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.8)]
    [InlineData(double.NaN)]
    public void A_parent_without_overhead_has_no_share_to_attribute(double parent) =>
        Assert.Null(KnobCosts.Share(1.2, parent));

    [Fact]
    public async Task The_report_has_the_knob_table_says_variants_are_less_isolated_and_summary_csv_names_the_parent()
    {
        using var run = new FixtureRun(7) { Modes = ["host", "runc", "runc+unconfined"], Workloads = ["syscall"] };
        run.Add("host", "syscall", "pread64", Units.NanosecondsPerOp, 100, rounds: 5, iterations: 3)
            .Add("runc", "syscall", "pread64", Units.NanosecondsPerOp, 160, rounds: 5, iterations: 3)
            .Add("runc+unconfined", "syscall", "pread64", Units.NanosecondsPerOp, 110, rounds: 5, iterations: 3)
            .Write();

        var result = await ReportGenerator.GenerateAsync(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports }, CancellationToken.None);
        var md = File.ReadAllText(result.ReportMarkdown);
        var html = File.ReadAllText(Path.Combine(result.OutputDirectory, "index.html"));
        var summary = File.ReadAllLines(Path.Combine(result.OutputDirectory, "summary.csv"));

        Assert.Contains("## What each knob costs", md, StringComparison.Ordinal);
        Assert.Contains("less isolated than its parent", md, StringComparison.Ordinal);
        Assert.Contains("never a recommendation", md, StringComparison.Ordinal);
        Assert.Contains("— a variant, less isolated than runc: a diagnostic, not a mode to choose.", md, StringComparison.Ordinal);
        Assert.Contains("| syscall pread64 (ns/op) | runc+unconfined | ", md, StringComparison.Ordinal);
        var resources = Output.ResourcesSection.Markdown(run.Run.ReadManifest() with { Resources = new ResourceLimits(2, 2L << 30) });
        Assert.Contains("| runc+unconfined (variant of runc, less isolated) |", resources, StringComparison.Ordinal);
        Assert.Contains("id=\"knob-costs\"", html, StringComparison.Ordinal);
        Assert.EndsWith(",variant_of", summary[0], StringComparison.Ordinal);
        Assert.Single(summary, l => l.StartsWith("syscall,pread64,runc+unconfined,", StringComparison.Ordinal) && l.EndsWith(",runc", StringComparison.Ordinal));
        Assert.Single(summary, l => l.StartsWith("syscall,pread64,runc,", StringComparison.Ordinal) && l.EndsWith(','));
    }

    [Fact]
    public void A_run_without_variants_has_no_knob_section()
    {
        using var run = new FixtureRun(8) { Modes = ["host", "runc"], Workloads = ["syscall"] };
        run.Add("host", "syscall", "getppid", Units.NanosecondsPerOp, 100, rounds: 5)
            .Add("runc", "syscall", "getppid", Units.NanosecondsPerOp, 130, rounds: 5)
            .Write();
        var analysis = ReportGenerator.Analyze(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports });

        Assert.Empty(KnobCosts.Of(analysis));
        Assert.Null(KnobCostSection.For(analysis));
    }

    [Theory]
    [InlineData(new[] { "runc+unconfined", "runc" }, "runc")]
    [InlineData(new[] { "runc+unconfined", "runsc", "runsc+nocpulimit" }, "runsc")]
    [InlineData(new[] { "crun+nomemlimit", "crun", "host" }, "host")]
    public void A_variant_never_becomes_the_baseline(string[] modes, string baseline) =>
        Assert.Equal(baseline, BaselineRule.Choose(modes));

    [Fact]
    public void A_variant_pairs_with_its_parent_not_with_runc()
    {
        Assert.Equal("crun", BaselineRule.PairPartner("crun+unconfined", ["host", "runc", "crun", "crun+unconfined"]));
        Assert.Null(BaselineRule.PairPartner("crun+unconfined", ["host", "runc", "crun+unconfined"]));
        Assert.Equal("runc", BaselineRule.PairPartner("runsc", ["host", "runc", "runsc", "runc+unconfined"]));
    }

    [Theory]
    [InlineData("runc+unconfined", "runc", "unconfined")]
    [InlineData("my+runtime+nocpulimit", "my+runtime", "nocpulimit")]
    public void A_variant_name_is_parent_plus_a_known_knob(string name, string parent, string knob) =>
        Assert.Equal((parent, knob), ModeVariants.Parse(name));

    [Theory]
    [InlineData("runc")]
    [InlineData("runc+")]
    [InlineData("+unconfined")]
    [InlineData("runc+Unconfined")]
    [InlineData("runc+seccomp")]
    [InlineData("runc+unconfined ")]
    public void Anything_else_is_not_a_variant(string name) => Assert.Null(ModeVariants.Parse(name));

    [Fact]
    public void Compare_does_not_count_a_variant_the_current_run_did_not_ask_for_as_missing_but_a_real_mode_it_does()
    {
        using var before = new FixtureRun(9) { Modes = ["host", "runc", "runc+unconfined"], Workloads = ["syscall"] };
        before.Add("host", "syscall", "getppid", Units.NanosecondsPerOp, 100, rounds: 5)
            .Add("runc", "syscall", "getppid", Units.NanosecondsPerOp, 130, rounds: 5)
            .Add("runc+unconfined", "syscall", "getppid", Units.NanosecondsPerOp, 110, rounds: 5)
            .Write();
        using var after = new FixtureRun(10) { Modes = ["host"], Workloads = ["syscall"] };
        after.Add("host", "syscall", "getppid", Units.NanosecondsPerOp, 100, rounds: 5).Write();

        var missing = MissingInCurrent.Lines(new CompareSide("before", [RunSamplesLoader.Load(before.Path, IsolationBench.Workloads.WorkloadModules.Reports)], []), new CompareSide("after", [RunSamplesLoader.Load(after.Path, IsolationBench.Workloads.WorkloadModules.Reports)], []));

        Assert.Single(missing);
        Assert.StartsWith("missing in ", missing[0], StringComparison.Ordinal);
        Assert.Contains("mode runc,", missing[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_label_a_variant_as_less_isolated_than_its_parent()
    {
        using var run = new FixtureRun(11) { Modes = ["host", "runc", "runc+nocpulimit"], Workloads = ["syscall"] };
        run.Write();
        var manifest = run.Run.ReadManifest();

        Assert.Equal("runc+nocpulimit (variant: less isolated than runc)", ModeVariants.Label("runc+nocpulimit", manifest));
        Assert.Equal("runc", ModeVariants.Label("runc", manifest));
    }
}
