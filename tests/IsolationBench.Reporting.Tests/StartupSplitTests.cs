using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;
using IsolationBench.Workloads.Startup;
using StartupPhases = IsolationBench.Results.StartupPhases;

namespace IsolationBench.Reporting.Tests;

/// <summary>
/// Where startup time goes: the engine path's total = runtime-direct + engine share per mode (the share the difference
/// of the medians with an unpaired bootstrap interval whose coverage is simulated against a known truth), the sandbox's
/// own cost apart, and the first container against the warm ones.
/// </summary>
public sealed class StartupSplitTests
{
    [Fact]
    public void The_unpaired_bootstrap_interval_of_a_median_difference_covers_the_true_difference_about_95_percent_of_the_time()
    {
        // Known truth: engine-path totals log-normal around 150 ms (σ 0.10), runtime-direct around 40 ms (σ 0.20):
        // the true difference of the medians is 110 ms. 400 synthetic runs of 30 + 30 lifecycles.
        var random = new Random(18);
        const int runs = 400;
        var covered = 0;
        for (var i = 0; i < runs; i++)
        {
            var engine = LogNormal(random, 150, 0.10, 30);
            var direct = LogNormal(random, 40, 0.20, 30);
            var (_, ci) = MedianDifference.Of(engine, direct, seed: i, resamples: 2000);
            covered += ci.Contains(110) ? 1 : 0;
        }

        Assert.InRange(covered / (double)runs, 0.91, 0.985);
    }

    [Fact]
    public void A_median_difference_is_deterministic_for_a_seed_and_has_no_interval_below_two_units_a_side()
    {
        double[] x = [150, 160, 155, 170, 148];
        double[] y = [40, 45, 42, 41, 39];

        Assert.Equal(MedianDifference.Of(x, y, seed: 7), MedianDifference.Of(x, y, seed: 7));
        Assert.Equal(155 - 41, MedianDifference.Of(x, y, seed: 7).Difference);
        Assert.False(MedianDifference.Of(x, [40], seed: 7).Ci.IsKnown);
        Assert.True(double.IsNaN(MedianDifference.Of(x, [], seed: 7).Difference));
    }

    [Fact]
    public void Each_mode_with_both_paths_splits_into_runtime_direct_plus_engine_share_and_the_sandbox_is_divided_by_runc()
    {
        using var run = Split();
        var analysis = ReportGenerator.Analyze(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports });

        var split = StartupSplitAnalysis.From(analysis);

        Assert.Equal(["runc", "runsc"], split.Rows.Select(r => r.Mode));
        foreach (var r in split.Rows)
        {
            Assert.Equal(r.EnginePath.Median - r.RuntimeDirect.Median, r.EngineShare, 9);
            Assert.True(r.EngineShareCi.Contains(r.EngineShare), r.Mode);
            Assert.Equal(30, r.EnginePath.Units);
            Assert.Equal(30, r.RuntimeDirect.Units);
        }

        Assert.InRange(split.Rows[0].EngineShare, 100, 120);
        var sandbox = Assert.Single(split.Sandbox);
        Assert.Equal(("runsc", "runc"), (sandbox.Mode, sandbox.Against));
        Assert.True(sandbox.Ci.Contains(sandbox.Ratio) && sandbox.Ci.Low > 1.5 && sandbox.Ci.High < 2.0, $"{sandbox.Ratio} {sandbox.Ci}");
    }

    [Fact]
    public void The_first_container_is_its_own_table_and_never_a_ratio_row()
    {
        using var run = Split();
        var analysis = ReportGenerator.Analyze(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports });

        Assert.DoesNotContain(analysis.Rows, r => StartupPhases.IsFirst(r.Metric));
        var rows = FirstVsWarm.Rows(analysis, "startup");
        Assert.Equal(["runc", "runsc"], rows.Select(r => r.Mode));
        Assert.Equal(450, rows[0].First);
        Assert.Equal(450 / rows[0].Warm.Median, rows[0].Factor, 9);
        Assert.Contains("(its first warm-up)", Assert.Single(FirstVsWarm.Tables(analysis, "startup")).Caption, StringComparison.Ordinal);
        Assert.Empty(FirstVsWarm.Tables(analysis, "startup-runtime"));

        run.Options["warmup"] = "0";
        run.Options["cold"] = "true";
        run.WriteManifest();
        var caption = Assert.Single(FirstVsWarm.Tables(ReportGenerator.Analyze(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports }), "startup")).Caption;
        Assert.Contains("(its first measured lifecycle: --warmup 0)", caption, StringComparison.Ordinal);
        Assert.EndsWith("every startup cell began with the page cache dropped (--cold)", caption, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_shows_the_split_chart_tables_and_the_sandbox_sentence_and_a_run_without_runtime_direct_none_of_it()
    {
        using var run = Split();
        var result = await ReportGenerator.GenerateAsync(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports }, CancellationToken.None);

        var md = File.ReadAllText(result.ReportMarkdown);
        Assert.Contains("## startup-runtime", md, StringComparison.Ordinal);
        Assert.Contains("**Where startup time goes (total, ms; engine path = runtime-direct + engine share)**", md, StringComparison.Ordinal);
        Assert.Contains("The sandbox's own start cost, no engine in it: runsc runtime-direct total / runc runtime-direct total = ", md, StringComparison.Ordinal);
        Assert.Contains("First container vs warm (startup total, ms)", md, StringComparison.Ordinal);
        Assert.Contains("![startup-split](startup-split.png)", md, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(result.OutputDirectory, "startup-split.svg")));
        Assert.Contains("<caption>Where startup time goes", File.ReadAllText(Path.Combine(result.OutputDirectory, "index.html")), StringComparison.Ordinal);

        using var plain = new FixtureRun(3) { Modes = ["runc", "runsc"], Baseline = "runc" };
        plain.Add("runc", "startup", "total", Units.Milliseconds, 150).Add("runsc", "startup", "total", Units.Milliseconds, 250).Write();
        var none = await ReportGenerator.GenerateAsync(plain.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports }, CancellationToken.None);
        Assert.DoesNotContain("Where startup time goes", File.ReadAllText(none.ReportMarkdown), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(none.OutputDirectory, "startup-split.png")));
    }

    [Fact]
    public void On_the_recorded_run_runsc_runtime_direct_is_slower_than_its_engine_path_and_the_report_names_the_phase()
    {
        using var run = SnapshotFixture.Copy("startup-split-run");
        var analysis = ReportGenerator.Analyze(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports });

        var split = StartupSplitAnalysis.From(analysis);

        Assert.Equal(["runc", "crun", "runsc"], split.Rows.Select(r => r.Mode));
        Assert.All(split.Rows.Take(2), r => Assert.True(r.EngineShare > 0 && r.EngineShareCi.Low > 0, r.Mode));
        Assert.True(split.Rows[2].EngineShare < 0);
        Assert.Contains(
            StartupSplitSection.Findings(analysis),
            f => f.StartsWith("runsc: runtime-direct is slower than the engine path, so its engine share is negative and the split does not apply; most of the difference is in remove (", StringComparison.Ordinal));
        Assert.Equal(["runc", "crun", "runsc"], FirstVsWarm.Rows(analysis, "startup-runtime").Select(r => r.Mode));
    }

    private static FixtureRun Split()
    {
        var run = new FixtureRun(18) { Modes = ["runc", "runsc"], Baseline = "runc", Workloads = ["startup", "startup-runtime"] };
        run.Add("runc", "startup", "total", Units.Milliseconds, 150, noise: 0.05)
            .Add("runc", "startup-runtime", "total", Units.Milliseconds, 40, noise: 0.05)
            .Add("runsc", "startup", "total", Units.Milliseconds, 260, noise: 0.05)
            .Add("runsc", "startup-runtime", "total", Units.Milliseconds, 70, noise: 0.05)
            .AddFirst("runc", "startup", 450)
            .AddFirst("runsc", "startup", 900);
        return run.Write();
    }

    private static double[] LogNormal(Random random, double median, double sigma, int n) =>
        [.. Enumerable.Range(0, n).Select(_ => median * Math.Exp(sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];
}
