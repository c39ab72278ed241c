using System.Globalization;
using IsolationBench.Reporting.Fleet;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Tests;

/// <summary>`isobench report RUN_A RUN_B`: runs of several hosts side by side, each against its own baseline.</summary>
public sealed class FleetReportTests
{
    private static readonly ReportOptions Fast = new() { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, BootstrapResamples = 1_000 };

    /// <summary>A copy of the recorded real run as if taken on a second host: another run id, runsc's startup twice as slow.</summary>
    private static SnapshotFixture SecondHost()
    {
        var run = SnapshotFixture.Copy("vm-run");
        foreach (var file in Directory.GetFiles(run.Path))
        {
            File.WriteAllText(file, File.ReadAllText(file).Replace("20261130-142331-vm", "20261201-080000-host2", StringComparison.Ordinal));
        }

        var samples = SampleCsv.Read(Path.Combine(run.Path, SampleCsv.FileName))
            .Select(s => s.Mode == "runsc" && s.Workload == "startup" ? s with { Value = s.Value * 2 } : s).ToList();
        File.Delete(Path.Combine(run.Path, SampleCsv.FileName));
        using (var writer = new SampleWriter(Path.Combine(run.Path, SampleCsv.FileName)))
        {
            writer.WriteAll(samples);
        }

        return run;
    }

    [Fact]
    public async Task Each_host_is_set_against_its_own_baseline_and_divided_by_the_first()
    {
        using var a = SnapshotFixture.Copy("vm-run");
        using var b = SecondHost();
        var output = Path.Combine(Path.GetTempPath(), "isobench-fleet-" + Guid.NewGuid().ToString("N"));

        var result = await FleetReport.GenerateAsync([a.Path, b.Path], output, Fast, CancellationToken.None);

        var line = Assert.Single(result.Fleet.Lines, l => (l.Workload, l.Metric, l.Mode) == ("startup", "total", "runsc"));
        var alone = new[] { a.Path, b.Path }.Select(p => ReportGenerator.Analyze(p, Fast).Row("startup", "total", "runsc")!.Comparison!.Overhead).ToList();
        Assert.Equal(alone, line.PerHost.Select(c => c!.Overhead));
        Assert.Equal(alone[1] / alone[0], line.AgainstFirst[1]!.Value, 9);
        Assert.InRange(line.AgainstFirst[1]!.Value, 1.9, 2.1);
        var runc = Assert.Single(result.Fleet.Lines, l => (l.Workload, l.Metric, l.Mode) == ("startup", "total", "runc"));
        Assert.Equal(1.0, runc.AgainstFirst[1]!.Value, 9);
        Assert.DoesNotContain(result.Fleet.Lines, l => l.Metric.StartsWith("fio.", StringComparison.Ordinal));

        var md = await File.ReadAllTextAsync(result.ReportMarkdown);
        Assert.Contains("| 20261130-142331-vm (vs host) | 20261201-080000-host2 (vs host) | 20261201-080000-host2 ÷ first |", md, StringComparison.Ordinal);
        Assert.Contains("| startup · total | runsc | ", md, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{Output.Fmt.Factor(alone[1] / alone[0])}×"), md, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "fleet.svg")) && File.Exists(Path.Combine(output, "fleet.png")), "fleet chart not written");
        Assert.Contains("<img src=\"fleet.svg\"", await File.ReadAllTextAsync(result.IndexHtml), StringComparison.Ordinal);
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task Hosts_with_different_modes_stand_side_by_side_each_against_its_own_baseline()
    {
        using var a = SnapshotFixture.Copy("vm-run");
        using var b = SecondHost();
        // The second host has no crun but a runtime of its own (as Windows has process and hyperv where Linux has runc).
        foreach (var file in Directory.GetFiles(b.Path))
        {
            File.WriteAllText(file, File.ReadAllText(file).Replace("crun", "kata", StringComparison.Ordinal));
        }

        var result = await FleetReport.GenerateAsync([a.Path, b.Path], Path.Combine(Path.GetTempPath(), "isobench-fleet-" + Guid.NewGuid().ToString("N")), Fast with { WriteCharts = false }, CancellationToken.None);

        var crun = Assert.Single(result.Fleet.Lines, l => (l.Workload, l.Metric, l.Mode) == ("startup", "total", "crun"));
        var kata = Assert.Single(result.Fleet.Lines, l => (l.Workload, l.Metric, l.Mode) == ("startup", "total", "kata"));
        Assert.NotNull(crun.PerHost[0]);
        Assert.Null(crun.PerHost[1]);
        Assert.Null(kata.PerHost[0]);
        Assert.NotNull(kata.PerHost[1]);
        Assert.Null(kata.AgainstFirst[1]);
        Assert.NotNull(Assert.Single(result.Fleet.Lines, l => (l.Workload, l.Metric, l.Mode) == ("startup", "total", "runc")).AgainstFirst[1]);
    }

    [Fact]
    public async Task Runs_that_share_no_workload_are_refused_naming_what_each_has()
    {
        using var a = SnapshotFixture.Copy("vm-run");
        using var density = SnapshotFixture.Copy("density-run");

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => FleetReport.GenerateAsync([a.Path, density.Path], Path.GetTempPath(), Fast, CancellationToken.None));

        Assert.Contains("share no workload", ex.Message, StringComparison.Ordinal);
        Assert.Contains("density", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_run_twice_is_refused()
    {
        using var a = SnapshotFixture.Copy("vm-run");
        using var again = SnapshotFixture.Copy("vm-run");

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => FleetReport.GenerateAsync([a.Path, again.Path], Path.GetTempPath(), Fast, CancellationToken.None));

        Assert.Contains("given twice", ex.Message, StringComparison.Ordinal);
    }
}
