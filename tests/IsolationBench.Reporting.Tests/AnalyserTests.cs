using IsolationBench.Workloads.Guest;
using IsolationBench.Reporting.Analysers;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Results;
using IsolationBench.Results.Io;

namespace IsolationBench.Reporting.Tests;

/// <summary>Each analyser alone (what it concludes from an analysis), and the judgement that applies their conclusions once.</summary>
public sealed class AnalyserTests
{
    private static readonly ReportOptions Fast = new() { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, WriteCharts = false };

    private static (FixtureRun Run, AnalyserInput Input) Input(Action<FixtureRun> build, ReportOptions? options = null)
    {
        var f = new FixtureRun(3) { Modes = ["host", "runc", "runsc"] };
        build(f);
        f.Write();
        var analysis = ReportGenerator.Analyze(f.Path, options ?? Fast);
        return (f, new AnalyserInput(analysis, f.Path, SampleCsv.Read(f.Run.Samples)));
    }

    private static void Guest(FixtureRun f, string workload, string metric, string unit, double host, double runc, double runsc, int rounds = 5)
    {
        f.Add("host", workload, metric, unit, host, rounds: rounds, iterations: 3, noise: 0.01)
            .Add("runc", workload, metric, unit, runc, rounds: rounds, iterations: 3, noise: 0.01)
            .Add("runsc", workload, metric, unit, runsc, rounds: rounds, iterations: 3, noise: 0.01);
    }

    [Fact]
    public void Run_status_warns_only_when_the_run_did_not_complete()
    {
        var (run, input) = Input(f => Guest(f, "syscall", "StatMissing", Units.NanosecondsPerOp, 1_000, 1_100, 5_000));
        using var _ = run;
        Assert.Empty(new RunStatusAnalyser().Analyse(input).Warnings);

        var partial = input with { Analysis = input.Analysis with { Manifest = input.Analysis.Manifest with { Status = "interrupted" } } };
        var warning = Assert.Single(new RunStatusAnalyser().Analyse(partial).Warnings);
        Assert.StartsWith("run status is 'interrupted'", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Few_units_names_each_workload_once_with_the_option_that_gives_enough()
    {
        var (run, input) = Input(f =>
        {
            Guest(f, "syscall", "StatMissing", Units.NanosecondsPerOp, 1_000, 1_100, 5_000, rounds: 3);
            Guest(f, "syscall", "OpenClose", Units.NanosecondsPerOp, 2_000, 2_100, 9_000, rounds: 3);
            Guest(f, "memory", "Alloc", Units.NanosecondsPerOp, 100, 100, 100);
        });
        using var _ = run;

        var warning = Assert.Single(new FewUnitsAnalyser().Analyse(input).Warnings);
        Assert.StartsWith("syscall: fewer than 5 containers", warning, StringComparison.Ordinal);
        Assert.Contains("--guest-rounds 5", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_samples_are_one_warning_per_series()
    {
        var (run, input) = Input(f =>
        {
            Guest(f, "syscall", "StatMissing", Units.NanosecondsPerOp, 1_000, 1_100, 5_000);
            f.AddFailed("runsc", "syscall", "StatMissing", Units.NanosecondsPerOp, 2);
        });
        using var _ = run;

        Assert.Equal(["2 failed sample(s) of runsc syscall/StatMissing were left out of the statistics"], new FailedSamplesAnalyser().Analyse(input).Warnings);
    }

    [Fact]
    public void Host_noise_warns_when_a_cpu_control_ratio_leaves_the_band_and_reads_the_control_from_the_registration()
    {
        var (run, input) = Input(f => Guest(f, "cpu", "Loop", Units.NanosecondsPerOp, 1_000, 1_200, 1_000));
        using var _ = run;
        Assert.Contains(new HostNoiseAnalyser().Analyse(input).Warnings, w => w.StartsWith("host was noisy: CPU control Loop ratio for runc", StringComparison.Ordinal));

        // A registration without a host-noise control leaves the same rows unchecked.
        var noControl = input with { Analysis = input.Analysis with { Parts = [.. IsolationBench.Workloads.WorkloadModules.Reports.Where(p => !p.IsHostNoiseControl)] } };
        Assert.Empty(new HostNoiseAnalyser().Analyse(noControl).Warnings);
    }

    [Fact]
    public void The_io_referee_refuses_a_cache_read_against_a_device_read()
    {
        var (run, input) = Input(f => Guest(f, "io", "RandomRead4KiB@layer", Units.OpsPerSecond, 8_000, 8_000, 40_000));
        using var _ = run;
        IoFactsCsv.AppendReads(run.Path,
        [
            new IoReadRow(FixtureRun.RunId, 1, "host", "RandomRead4KiB@layer", 11, 65536, 0, ReadKinds.Device),
            new IoReadRow(FixtureRun.RunId, 1, "runsc", "RandomRead4KiB@layer", 11, 65536, 65536, ReadKinds.Cache),
        ]);

        var conclusions = new IoRefereeAnalyser().Analyse(input);

        Assert.Equal([new Refusal("io", "RandomRead4KiB@layer", "runsc", "not comparable: cache read on runsc vs device read on host")], conclusions.Refusals);
        var referee = Assert.Single(conclusions.Referees);
        Assert.True(referee.IsRefereeMetric("fio.RandomRead4KiB@layer"));
        Assert.NotNull(referee.CaptionNote("RandomRead4KiB@layer"));
    }

    [Fact]
    public void The_network_referee_refuses_a_bulk_figure_iperf3_disagrees_with()
    {
        var (run, input) = Input(f =>
        {
            Guest(f, "network", "TcpBulk64KiB", Units.MegabytesPerSecond, 3_000, 4_500, 500);
            Guest(f, "network", "iperf3.TcpBulk64KiB", Units.MegabytesPerSecond, 3_050, 3_000, 510);
        });
        using var _ = run;

        var refusal = Assert.Single(new NetworkRefereeAnalyser().Analyse(input).Refusals);
        Assert.Equal(("network", "TcpBulk64KiB", "runc"), (refusal.Workload, refusal.Metric, refusal.Mode));
        Assert.StartsWith("disagrees with iperf3", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judging_leaves_referee_rows_out_of_the_verdicts_takes_a_refused_comparison_away_and_words_the_refusal()
    {
        var (run, input) = Input(f =>
        {
            Guest(f, "network", "TcpBulk64KiB", Units.MegabytesPerSecond, 3_000, 4_500, 500);
            Guest(f, "network", "iperf3.TcpBulk64KiB", Units.MegabytesPerSecond, 3_050, 3_000, 510);
        });
        using var _ = run;

        var judged = Judge.Run(input, IsolationBench.Workloads.WorkloadModules.Reports);

        Assert.DoesNotContain(judged.ForVerdicts.Rows, r => r.Metric.StartsWith("iperf3.", StringComparison.Ordinal));
        Assert.Contains(judged.Analysis.Rows, r => r.Metric.StartsWith("iperf3.", StringComparison.Ordinal));
        var runc = judged.Analysis.Row("network", "TcpBulk64KiB", "runc")!;
        Assert.True(runc.Comparison!.Significant);
        Assert.False(judged.IsSignificant(runc));
        Assert.Null(judged.ForVerdicts.Row("network", "TcpBulk64KiB", "runc")!.Comparison);
        Assert.StartsWith("disagrees with iperf3", judged.NotJudged(runc), StringComparison.Ordinal);
        Assert.Contains(judged.Verdicts, v => v.Mode == "runc" && v.Sentence.StartsWith("runc on network TcpBulk64KiB: no verdict, disagrees with iperf3", StringComparison.Ordinal));
    }

    [Fact]
    public void The_pipeline_lists_the_run_state_first_then_each_workloads_own_then_the_closing_checks()
    {
        var own = new RecordingAnalyser("own");
        var workloads = IsolationBench.Workloads.WorkloadModules.Reports.Select(p => p.Workload == "syscall" ? p with { Analysers = [own] } : p).ToList();

        var pipeline = AnalyserPipeline.For(workloads);

        Assert.IsType<RunStatusAnalyser>(pipeline[0]);
        Assert.True(pipeline.ToList().IndexOf(own) < pipeline.ToList().FindIndex(a => a is FewUnitsAnalyser));
        Assert.IsType<EngineClockAnalyser>(pipeline[^1]);
    }

    [Fact]
    public async Task A_workload_registered_from_outside_brings_its_not_comparable_rule_and_its_analyser_to_every_output()
    {
        var footprint = new WorkloadReport("footprint", [])
        {
            NotComparable = (metric, mode, other, hostLike) => metric == "pss" && (hostLike(mode) || hostLike(other)) ? "a host process has no cgroup" : null,
            Analysers = [new RecordingAnalyser("footprint") { Refuse = new Refusal("footprint", "rss", "runsc", "sampled too late") }],
        };
        var options = Fast with { Workloads = [.. IsolationBench.Workloads.WorkloadModules.Reports, footprint] };
        using var f = new FixtureRun(3) { Modes = ["host", "runc", "runsc"], Workloads = ["footprint"] };
        Guest(f, "footprint", "pss", Units.Milliseconds, 10, 20, 40);
        Guest(f, "footprint", "rss", Units.Milliseconds, 10, 20, 40);
        f.Write();

        var result = await ReportGenerator.GenerateAsync(f.Path, options, CancellationToken.None);

        Assert.Equal("a host process has no cgroup", result.Analysis!.Row("footprint", "pss", "runc")!.NoRatio);
        Assert.Contains(result.Warnings, w => w == "footprint analysed");
        var csv = await File.ReadAllLinesAsync(result.SummaryCsv);
        Assert.Contains(csv, l => l.StartsWith("footprint,rss,runsc,", StringComparison.Ordinal) && l.Contains(",false,", StringComparison.Ordinal) && l.EndsWith(",sampled too late,", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.StartsWith("footprint,pss,runc,", StringComparison.Ordinal) && l.EndsWith(",a host process has no cgroup,", StringComparison.Ordinal));
    }

    private sealed class RecordingAnalyser(string name) : IAnalyser
    {
        public Refusal? Refuse { get; init; }

        public Conclusions Analyse(AnalyserInput input) => new()
        {
            Warnings = [name + " analysed"],
            Refusals = Refuse is { } r ? [r] : [],
        };
    }
}
