using System.Globalization;
using System.Text.Json;
using IsolationBench.Reporting.Comparison;
using IsolationBench.Reporting.Export;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;
using IsolationBench.Workloads.Density;

namespace IsolationBench.Reporting.Tests;

/// <summary>
/// The density section on a recorded real run (Fixtures/density-run: host, runc, runsc, ladder 1, 2, 4, 8): the figures
/// are checked against the run's own samples.csv values by hand, and the report, summary, export and compare carry them.
/// </summary>
public sealed class DensityReportTests
{
    private static RunAnalysis Fixture(SnapshotFixture run) => ReportGenerator.Analyze(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports });

    [Fact]
    public void Memory_per_container_is_the_median_over_the_ladder_steps_with_their_interval()
    {
        using var run = SnapshotFixture.Copy("density-run");
        var d = DensityAnalysis.From(Fixture(run));

        Assert.Equal(["host", "runc", "runsc"], d.Footprints.Select(f => f.Mode));
        var runc = d.Footprints.Single(f => f.Mode == "runc");
        // runc's PSS at N = 1, 2, 4, 8 in samples.csv: 15.7763671875, 9.84765625, 6.739501953125, 5.2242431640625.
        Assert.Equal((9.84765625 + 6.739501953125) / 2, runc.Pss.Median, 9);
        Assert.Equal(4, runc.Pss.Values);
        // Four values: no pair of order statistics reaches 95 %, the interval is [min, max].
        Assert.Equal(new Interval(5.2242431640625, 15.7763671875), runc.Pss.Ci);
        Assert.Equal(8, runc.Reached);
        Assert.NotNull(runc.Charge);
        Assert.Equal(runc.Pss.Median - runc.Charge.Median, runc.Uncharged, 9);

        var host = d.Footprints.Single(f => f.Mode == "host");
        Assert.True(host.IsHost);
        Assert.Null(host.Charge);
        Assert.True(double.IsNaN(host.Uncharged));
        Assert.True(d.Footprints.Single(f => f.Mode == "runsc").Pss.Median > runc.Pss.Median);
    }

    [Fact]
    public void Host_memory_with_N_alive_is_the_per_container_figure_times_N()
    {
        using var run = SnapshotFixture.Copy("density-run");
        var d = DensityAnalysis.From(Fixture(run));

        var runc = d.HostMemory.Where(p => p.Mode == "runc").ToList();
        Assert.Equal([1, 2, 4, 8], runc.Select(p => p.Alive));
        Assert.Equal(5.2242431640625 * 8, runc[^1].PssMib, 9);
        Assert.Equal(4.4208984375 * 8, runc[^1].AvailableDropMib, 9);
    }

    [Fact]
    public void Start_latency_is_grouped_by_the_step_the_start_took_the_ladder_to()
    {
        using var run = SnapshotFixture.Copy("density-run");
        var d = DensityAnalysis.From(Fixture(run));

        var runc = d.Latency.Where(l => l.Mode == "runc").ToList();
        Assert.Equal([1, 2, 4, 8], runc.Select(l => l.Alive));
        Assert.Equal([1, 1, 2, 4], runc.Select(l => l.Count));
        // k = 3, 4 took the ladder to 4: 146.3734 and 164.6754 ms.
        Assert.Equal((146.3734 + 164.6754) / 2, runc[2].P50, 9);
        Assert.Equal(146.3734 + (0.95 * (164.6754 - 146.3734)), runc[2].P95, 9);
    }

    [Fact]
    public void A_start_after_the_last_step_read_goes_to_the_next_power_of_two()
    {
        // As if runc's ladder had failed before its step of 8 was read: its starts k = 5 … 8 still belong to the step of 8.
        using var run = SnapshotFixture.Copy("density-run");
        var samplesPath = Path.Combine(run.Path, "samples.csv");
        var kept = SampleCsv.Read(samplesPath)
            .Where(s => !(s.Mode == "runc" && s.Iteration == 8 && s.Metric != DensityMetrics.StartLatency))
            .ToList();
        File.Delete(samplesPath);
        using (var writer = new SampleWriter(samplesPath))
        {
            writer.WriteAll(kept);
        }

        var d = DensityAnalysis.From(Fixture(run));

        var runc = d.Latency.Where(l => l.Mode == "runc").ToList();
        Assert.Equal([1, 2, 4, 8], runc.Select(l => l.Alive));
        Assert.Equal(4, runc[^1].Count);
        Assert.Equal([1, 2, 4], d.HostMemory.Where(p => p.Mode == "runc").Select(p => p.Alive));
    }

    [Fact]
    public void Launch_throughput_is_the_median_over_rounds_and_latency_quantiles_pool_every_launch()
    {
        // Two rounds of runc batches at K = 2 (throughputs 3 and 5/s; latencies 100, 200 and 300, 400 ms) and one at K = 1.
        using var run = SnapshotFixture.Copy("density-run");
        var samplesPath = Path.Combine(run.Path, "samples.csv");
        // The recorded run's own launch rows are replaced by these known ones.
        var samples = SampleCsv.Read(samplesPath).Where(s => s.Metric is not (DensityMetrics.LaunchLatency or DensityMetrics.LaunchThroughput)).ToList();
        var template = samples.First(s => s.Mode == "runc");
        Sample Row(int round, string metric, string unit, double value, int k, string source = "") =>
            template with { Round = round, Metric = metric, Unit = unit, Value = value, Iteration = k, Source = source };
        samples.AddRange(
        [
            Row(1, DensityMetrics.LaunchLatency, Units.Milliseconds, 150, 1, "l0"),
            Row(1, DensityMetrics.LaunchThroughput, DensityMetrics.ContainersPerSecond, 4, 1),
            Row(1, DensityMetrics.LaunchLatency, Units.Milliseconds, 100, 2, "l1"),
            Row(1, DensityMetrics.LaunchLatency, Units.Milliseconds, 200, 2, "l2"),
            Row(1, DensityMetrics.LaunchThroughput, DensityMetrics.ContainersPerSecond, 3, 2),
            Row(2, DensityMetrics.LaunchLatency, Units.Milliseconds, 300, 2, "l3"),
            Row(2, DensityMetrics.LaunchLatency, Units.Milliseconds, 400, 2, "l4"),
            Row(2, DensityMetrics.LaunchThroughput, DensityMetrics.ContainersPerSecond, 5, 2),
        ]);
        File.Delete(samplesPath);
        using (var writer = new SampleWriter(samplesPath))
        {
            writer.WriteAll(samples);
        }

        var launch = DensityAnalysis.From(Fixture(run)).Launch.Where(l => l.Mode == "runc").ToList();

        Assert.Equal([1, 2], launch.Select(l => l.Concurrency));
        Assert.Equal(4, launch[1].Throughput);
        Assert.Equal(2, launch[1].Rounds);
        Assert.Equal(4, launch[1].Launches);
        Assert.Equal(250, launch[1].P50, 9);
        Assert.Equal(300 + (0.85 * 100), launch[1].P95, 9);
    }

    [Fact]
    public async Task Report_has_the_density_section_its_four_charts_and_the_charge_gap()
    {
        using var run = SnapshotFixture.Copy("density-run");
        var outDir = Path.Combine(run.Path, "report");
        var result = await ReportGenerator.GenerateAsync(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, OutputDirectory = outDir }, CancellationToken.None);

        foreach (var chart in new[] { DensityMemoryChart.Name, DensityHostMemoryChart.Name, DensityLatencyChart.Name, DensityLaunchChart.Name })
        {
            Assert.Contains(Path.Combine(outDir, chart + ".png"), result.FilesWritten);
            Assert.Contains(Path.Combine(outDir, chart + ".svg"), result.FilesWritten);
            Assert.True(new FileInfo(Path.Combine(outDir, chart + ".png")).Length > 1000);
        }

        var md = await File.ReadAllTextAsync(Path.Combine(outDir, "report.md"));
        var section = md[md.IndexOf("## density", StringComparison.Ordinal)..];
        Assert.Contains(DensitySection.IntervalText, section, StringComparison.Ordinal);
        Assert.Contains("![density-memory](density-memory.png)", section, StringComparison.Ordinal);
        Assert.Contains("runc: PSS 8.29 MiB/container (5.22–15.8, 4 steps)", section, StringComparison.Ordinal);
        Assert.Contains("the container is charged 2.16 MiB, the host pays 8.29 MiB (PSS), 6.13 MiB per container charged to no container", section, StringComparison.Ordinal);
        Assert.Contains("host (host process): PSS", section, StringComparison.Ordinal);
        Assert.Contains("no cgroup: nothing is charged", section, StringComparison.Ordinal);
        Assert.Contains("runsc vs runc: 3.13× the PSS per container", section, StringComparison.Ordinal);
        Assert.Contains("runc K=1 4.18/s (154/154 ms), K=2 6.64/s (174/182 ms), K=4 7.52/s (279/351 ms), K=8 6.72/s (688/764 ms)", section, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "index.html"));
        Assert.Contains("charged to no container", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_export_and_compare_carry_density_metrics_with_their_declared_direction()
    {
        using var run = SnapshotFixture.Copy("density-run");
        var outDir = Path.Combine(run.Path, "report");
        await ReportGenerator.GenerateAsync(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, OutputDirectory = outDir, WriteCharts = false }, CancellationToken.None);

        var summary = (await File.ReadAllLinesAsync(Path.Combine(outDir, "summary.csv"))).Select(l => l.Split(',')).ToList();
        var header = summary[0].ToList();
        string Cell(string metric, string mode, string column) =>
            summary.Single(r => r[0] == DensityMetrics.Workload && r[1] == metric && r[2] == mode)[header.IndexOf(column)];
        Assert.Equal("false", Cell(DensityMetrics.Pss, "runsc", "higher_is_better"));
        Assert.Equal("false", Cell(DensityMetrics.AvailableDrop, "runc", "higher_is_better"));
        Assert.Equal("false", Cell(DensityMetrics.CgroupCharge, "runc", "higher_is_better"));
        Assert.Equal("true", Cell(DensityMetrics.Reached, "runc", "higher_is_better"));
        Assert.Equal("true", Cell(DensityMetrics.LaunchThroughput, "runsc", "higher_is_better"));
        Assert.Equal("false", Cell(DensityMetrics.LaunchLatency, "runsc", "higher_is_better"));

        using var smaller = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, BenchmarkActionExport.SmallerIsBetterFile)));
        using var bigger = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, BenchmarkActionExport.BiggerIsBetterFile)));
        var smallerNames = smaller.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        var biggerNames = bigger.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains("density/pss [runsc]", smallerNames);
        Assert.Contains("density/start_latency [runc]", smallerNames);
        Assert.Contains("density/containers_reached [runc]", biggerNames);
        Assert.Contains("density/launch_throughput [runsc]", biggerNames);
        Assert.Contains("density/launch_latency [runsc]", smallerNames);
        Assert.DoesNotContain("density/pss [runsc]", biggerNames);

        // compare: a current run whose runsc PSS grew 50 % is worse (memory: lower is better).
        var baseline = RunSamplesLoader.Load(run.Path, IsolationBench.Workloads.WorkloadModules.Reports);
        var current = baseline with
        {
            Samples = [.. baseline.Samples.Select(s => s.Mode == "runsc" && s.Metric == DensityMetrics.Pss ? s with { Value = s.Value * 1.5 } : s)],
        };
        var result = RunComparer.Compare(new CompareSide("before", [baseline], []), new CompareSide("after", [current], []), new Comparison.CompareOptions { BootstrapResamples = 200 });
        var pss = result.Changes.Single(c => c.Workload == DensityMetrics.Workload && c.Metric == DensityMetrics.Pss && c.Mode == "runsc");
        Assert.False(pss.HigherIsBetter);
        Assert.True(pss.Change > 0.4, pss.Change.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_run_without_density_has_no_density_findings()
    {
        using var f = new FixtureRun(6) { Modes = ["host", "runc"] };
        f.Add("host", "startup", "total", Units.Milliseconds, 15).Add("runc", "startup", "total", Units.Milliseconds, 300).Write();
        var analysis = ReportGenerator.Analyze(f.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports });

        Assert.True(DensityAnalysis.From(analysis).IsEmpty);
        Assert.Empty(DensitySection.Findings(analysis));
    }
}
