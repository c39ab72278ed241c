using IsolationBench.Workloads.Guest;
using IsolationBench.Workloads.NetworkHost;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Tests;

/// <summary>The network section sets our TCP bulk figure against iperf3's, per mode and paired by container, and refuses a verdict beyond ±15 %.</summary>
public sealed class NetworkFindingsTests
{
    private static readonly ReportOptions Fast = new() { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, BootstrapResamples = 1_000, WriteCharts = false };

    private static FixtureRun Run(double runcOurs, double runcIperf3)
    {
        var f = new FixtureRun(11) { Modes = ["host", "runc", "runsc"] };
        foreach (var (mode, ours, iperf3) in new[] { ("host", 3_000.0, 3_100.0), ("runc", runcOurs, runcIperf3), ("runsc", 500.0, 520.0) })
        {
            f.Add(mode, "network", "TcpBulk64KiB", Units.MegabytesPerSecond, ours, rounds: 5, iterations: 3, noise: 0.01);
            f.Add(mode, "network", "iperf3.TcpBulk64KiB", Units.MegabytesPerSecond, iperf3, rounds: 5, iterations: 1, noise: 0.01);
            f.Add(mode, "network", "TcpRoundTrip1B", Units.NanosecondsPerOp, mode == "runsc" ? 90_000 : 20_000, rounds: 5, iterations: 3, noise: 0.01);
        }

        return f.Write();
    }

    [Fact]
    public async Task A_mode_whose_bulk_figure_disagrees_with_iperf3_beyond_15_percent_is_flagged_instead_of_judged()
    {
        using var f = Run(runcOurs: 3_000, runcIperf3: 2_000);

        var result = await ReportGenerator.GenerateAsync(f.Path, Fast, CancellationToken.None);

        var md = await File.ReadAllTextAsync(result.ReportMarkdown);
        Assert.Matches(@"runc on network TcpBulk64KiB: no verdict, disagrees with iperf3 by \+(4\d|5\d)\.\d % \(95 % CI \+\d+\.\d % … \+\d+\.\d %\)", md);
        Assert.Matches(@"TcpBulk64KiB against iperf3 \(.*\): host ours [23],\d{3} vs iperf3 3,\d{3} \([+−]\d\.\d %, CI [+−]\d+\.\d % … [+−]\d+\.\d %, agrees\)", md);
        // runsc agrees with iperf3 (−4 %): its 6× lower throughput is still judged; iperf3's own rows never are.
        Assert.Contains(result.Verdicts, v => v.Mode == "runsc" && v.Sentence.Contains("worse than host", StringComparison.Ordinal) && v.Sentence.Contains("TcpBulk64KiB", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Verdicts, v => NetworkFindings.IsIperf3(v.Metric));
        Assert.DoesNotContain(result.Verdicts, v => v.Mode == "runc" && v.Metric == "TcpBulk64KiB" && !v.Sentence.Contains("no verdict", StringComparison.Ordinal));
    }

    [Fact]
    public void Agreement_within_15_percent_refuses_nothing_and_leaves_iperf3_out_of_the_judged_analysis()
    {
        using var f = Run(runcOurs: 3_000, runcIperf3: 2_700);
        var analysis = ReportGenerator.Analyze(f.Path, Fast);

        var findings = NetworkFindings.From(analysis);

        Assert.Empty(findings.Refusals);
        Assert.Single(findings.Lines);
        Assert.Matches(@"runc ours [23],\d{3} vs iperf3 2,\d{3} \([+−]", findings.Lines[0]);
        Assert.Contains(analysis.Rows, r => NetworkFindings.IsIperf3(r.Metric));
        var conclusions = new IsolationBench.Workloads.Guest.NetworkRefereeAnalyser().Analyse(new Analysers.AnalyserInput(analysis, f.Path, []));
        Assert.DoesNotContain(Analysers.Judge.ForVerdicts(analysis, conclusions).Rows, r => NetworkFindings.IsIperf3(r.Metric));
    }

    [Fact]
    public void A_baseline_that_disagrees_with_iperf3_leaves_every_mode_without_a_verdict()
    {
        using var f = new FixtureRun(5) { Modes = ["host", "runc"] };
        f.Add("host", "network", "TcpBulk64KiB", Units.MegabytesPerSecond, 3_000, rounds: 5, iterations: 3, noise: 0.01)
            .Add("host", "network", "iperf3.TcpBulk64KiB", Units.MegabytesPerSecond, 6_000, rounds: 5, iterations: 1, noise: 0.01)
            .Add("runc", "network", "TcpBulk64KiB", Units.MegabytesPerSecond, 3_000, rounds: 5, iterations: 3, noise: 0.01)
            .Write();

        var findings = NetworkFindings.From(ReportGenerator.Analyze(f.Path, Fast));

        Assert.StartsWith("host (baseline) disagrees with iperf3 by −50", findings.Refusals[("TcpBulk64KiB", "runc")], StringComparison.Ordinal);
        Assert.Contains(findings.Lines, l => l == "TcpBulk64KiB: no iperf3 figure for runc (iperf3 did not run or failed there: its note is in the container's artifacts, iperf3/*.txt)");
    }

    [Fact]
    public void A_container_s_one_iperf3_test_pairs_with_the_median_of_our_iterations_not_with_our_first_one()
    {
        // Five containers: our iterations 100, 200, 300 MB/s (median 200) and one iperf3 test at 200 each.
        var samples = Enumerable.Range(1, 5).SelectMany(round => new[] { 100.0, 200.0, 300.0 }
                .Select((v, i) => Sample(round, "TcpBulk64KiB", i + 1, v))
                .Append(Sample(round, "iperf3.TcpBulk64KiB", 1, 200)))
            .ToList();

        var agreement = Iperf3Agreement.Of(samples, "network", "TcpBulk64KiB", "iperf3.TcpBulk64KiB", "runc", 200, 200);

        Assert.Equal(0, agreement.Difference, 9);
        Assert.True(agreement.Agrees);
    }

    private static Sample Sample(int round, string metric, int iteration, double value) => new()
    {
        RunId = FixtureRun.RunId,
        Round = round,
        Mode = "runc",
        Workload = "network",
        Metric = metric,
        Unit = Units.MegabytesPerSecond,
        Value = value,
        Status = SampleStatus.Ok,
        Iteration = iteration,
        Source = "c" + round.ToString(System.Globalization.CultureInfo.InvariantCulture),
        TimestampUtc = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void A_run_without_iperf3_rows_has_no_network_findings()
    {
        using var f = new FixtureRun(5) { Modes = ["host", "runc"] };
        f.Add("host", "network", "TcpBulk64KiB", Units.MegabytesPerSecond, 3_000, rounds: 5, iterations: 3)
            .Add("runc", "network", "TcpBulk64KiB", Units.MegabytesPerSecond, 3_000, rounds: 5, iterations: 3)
            .Write();

        Assert.Equal(NetworkFindings.Empty.Lines, NetworkFindings.From(ReportGenerator.Analyze(f.Path, Fast)).Lines);
    }
}
