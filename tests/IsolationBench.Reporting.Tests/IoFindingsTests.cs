using IsolationBench.Results.Io;
using IsolationBench.Results;
using IsolationBench.Workloads.Guest;

namespace IsolationBench.Reporting.Tests;

/// <summary>The io section refuses a verdict where the comparison is not like for like, and says why.</summary>
public sealed class IoFindingsTests
{
    private static readonly ReportOptions Fast = new() { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, BootstrapResamples = 1_000, WriteCharts = false };

    private static FixtureRun Run(double hostWrite = 1_000, double hostFioWrite = 1_020, double runcWrite = 1_000, double runcFioWrite = 1_010)
    {
        var f = new FixtureRun(7) { Modes = ["host", "runc", "runsc"] };
        foreach (var (mode, ours, fio) in new[] { ("host", hostWrite, hostFioWrite), ("runc", runcWrite, runcFioWrite), ("runsc", 500.0, 505.0) })
        {
            f.Add(mode, "io", "SequentialWrite1MiB@layer", Units.MegabytesPerSecond, ours, rounds: 5, iterations: 3, noise: 0.01);
            f.Add(mode, "io", "fio.SequentialWrite1MiB@layer", Units.MegabytesPerSecond, fio, rounds: 5, iterations: 3, noise: 0.01);
            f.Add(mode, "io", "RandomRead4KiB@layer", Units.OpsPerSecond, mode == "runsc" ? 40_000 : 8_000, rounds: 5, iterations: 3, noise: 0.01);
        }

        return f.Write();
    }

    private static IoTargetRow Target(string mode, string fs, int round = 1) =>
        new(FixtureRun.RunId, round, mode, "layer", fs, fs == "ext4" ? "ext2/3/4" : fs, "rw,relatime");

    private static IoReadRow Read(string mode, string kind, long resident) =>
        new(FixtureRun.RunId, 1, mode, "RandomRead4KiB@layer", 11, 65536, resident, kind);

    [Fact]
    public async Task A_tmpfs_baseline_target_gets_no_verdict_and_the_report_names_every_filesystem()
    {
        using var f = Run();
        IoFactsCsv.AppendTargets(f.Path, [Target("host", "tmpfs"), Target("runc", "overlay"), Target("runsc", "overlay")]);

        var result = await ReportGenerator.GenerateAsync(f.Path, Fast, CancellationToken.None);

        var md = await File.ReadAllTextAsync(result.ReportMarkdown);
        Assert.Contains("Filesystem of the layer: host tmpfs (rw,relatime); runc overlay (rw,relatime); runsc overlay (rw,relatime)", md, StringComparison.Ordinal);
        Assert.Contains("runc on io SequentialWrite1MiB@layer: no verdict, not comparable: baseline target is tmpfs", md, StringComparison.Ordinal);
        Assert.Contains("| not comparable: baseline target is tmpfs |", md, StringComparison.Ordinal);
        // No sentence states a ratio for the refused metrics: runsc's write is half the host's, yet no "slower".
        Assert.DoesNotContain(result.Verdicts, v => v.Workload == "io" && v.Sentence.Contains("slower", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Verdicts, v => v.Workload == "io" && v.Sentence.Contains("throughput", StringComparison.Ordinal));
    }

    [Fact]
    public void Below_five_containers_the_io_section_says_why_fio_did_not_run()
    {
        using var quick = new FixtureRun(7) { Modes = ["host", "runc"] };
        quick.Options["guest_rounds"] = "3";
        foreach (var mode in quick.Modes)
        {
            quick.Add(mode, "io", "RandomRead4KiB@layer", Units.OpsPerSecond, 8_000, rounds: 3, iterations: 1, noise: 0.01);
        }

        quick.Write();
        var lines = IoFindings.From(ReportGenerator.Analyze(quick.Path, Fast), [], []).Lines;

        Assert.Contains(lines, l => l.StartsWith("fio did not run: with 3 containers per mode", StringComparison.Ordinal));
        using var full = Run();
        Assert.DoesNotContain(IoFindings.From(ReportGenerator.Analyze(full.Path, Fast), [], []).Lines, l => l.StartsWith("fio did not run", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mode_whose_figure_disagrees_with_fio_is_flagged_instead_of_judged()
    {
        using var f = Run(runcWrite: 1_400, runcFioWrite: 1_000);
        IoFactsCsv.AppendTargets(f.Path, [Target("host", "ext4"), Target("runc", "overlay"), Target("runsc", "overlay")]);

        var result = await ReportGenerator.GenerateAsync(f.Path, Fast, CancellationToken.None);

        var md = await File.ReadAllTextAsync(result.ReportMarkdown);
        Assert.Matches(@"runc on io SequentialWrite1MiB@layer: no verdict, disagrees with fio by \+(39|4\d)\.\d %", md);
        Assert.Matches(@"SequentialWrite1MiB@layer against fio \(medians, MB/s; difference and 95 % CI paired by container\): host ours 1,0\d\d vs fio 1,0\d\d \([+−]\d\.\d %, CI [+−]\d+\.\d % … [+−]\d+\.\d %, agrees\)", md);
        Assert.Matches(@"runc on io SequentialWrite1MiB@layer: no verdict, disagrees with fio by \+(39|4\d)\.\d % \(95 % CI \+\d+\.\d % … \+\d+\.\d %\)", md);
        // runsc agrees with fio: its 2× lower throughput is still judged.
        Assert.Contains(result.Verdicts, v => v.Mode == "runsc" && v.Workload == "io" && v.Sentence.Contains("worse than host", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_baseline_that_disagrees_with_fio_refuses_every_mode_on_that_metric()
    {
        using var f = Run(hostWrite: 1_300, hostFioWrite: 1_000);

        var result = await ReportGenerator.GenerateAsync(f.Path, Fast, CancellationToken.None);

        Assert.Contains(result.Verdicts, v => v.Mode == "runc" && v.Sentence.Contains("host (baseline) disagrees with fio by +", StringComparison.Ordinal));
        Assert.Contains(result.Verdicts, v => v.Mode == "runsc" && v.Sentence.Contains("host (baseline) disagrees with fio by +", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cache_read_is_never_compared_with_a_device_read_and_is_labelled_per_mode()
    {
        using var f = Run();
        IoFactsCsv.AppendReads(f.Path, [Read("host", ReadKinds.Device, 3), Read("runc", ReadKinds.Device, 0), Read("runsc", ReadKinds.Cache, 65536)]);

        var result = await ReportGenerator.GenerateAsync(f.Path, Fast, CancellationToken.None);

        var md = await File.ReadAllTextAsync(result.ReportMarkdown);
        Assert.Contains("RandomRead4KiB@layer: device read on host, runc; cache read on runsc (up to 100 % of the file's pages resident after the drop)", md, StringComparison.Ordinal);
        Assert.Contains(result.Verdicts, v => v.Sentence == "runsc on io RandomRead4KiB@layer: no verdict, not comparable: cache read on runsc vs device read on host");
        Assert.DoesNotContain("runsc is 5", md, StringComparison.Ordinal); // the 5× "faster" cache read is never a verdict
    }

    [Fact]
    public async Task Where_ours_read_the_cache_the_fio_line_says_it_referees_the_cache_path_not_the_device()
    {
        using var f = new FixtureRun(7) { Modes = ["host", "runsc"] };
        foreach (var (mode, ours, fio) in new[] { ("host", 8_000.0, 7_900.0), ("runsc", 10_000.0, 13_000.0) })
        {
            f.Add(mode, "io", "RandomRead4KiB@layer", Units.OpsPerSecond, ours, rounds: 5, iterations: 3, noise: 0.01);
            f.Add(mode, "io", "fio.RandomRead4KiB@layer", Units.OpsPerSecond, fio, rounds: 5, iterations: 3, noise: 0.01);
        }

        f.Write();
        IoFactsCsv.AppendReads(f.Path, [Read("host", ReadKinds.Device, 3), Read("runsc", ReadKinds.Cache, 65536)]);

        var result = await ReportGenerator.GenerateAsync(f.Path, Fast, CancellationToken.None);

        var line = Assert.Single(await File.ReadAllLinesAsync(result.ReportMarkdown), l => l.StartsWith("- RandomRead4KiB@layer against fio", StringComparison.Ordinal));
        Assert.Matches(@"runsc ours [\d,]+ vs fio [\d,]+ \(−2\d\.\d %, CI [^)]*, disagrees; ours read the cache here: this referees the cache path, not the device\)", line);
        Assert.Matches(@"host ours [\d,]+ vs fio [\d,]+ \([+−]\d\.\d %, CI [^;)]*, agrees\)", line); // a device read: no such note
    }

    [Fact]
    public void Without_io_facts_the_report_says_the_filesystems_are_unknown_and_refuses_nothing()
    {
        using var f = Run();
        var analysis = Statistics.RunAnalyzer.Analyze(f.Run.ReadManifest(), SampleCsv.Read(f.Run.Samples), [], Fast, f.Run.Samples);

        var findings = IoFindings.Load(f.Path, analysis);

        Assert.Empty(findings.Refusals);
        Assert.Contains(findings.Lines, l => l.StartsWith("Filesystems of the io targets were not recorded", StringComparison.Ordinal));
    }
}
