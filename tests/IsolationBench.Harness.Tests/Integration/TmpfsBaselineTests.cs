using IsolationBench.Reporting;
using IsolationBench.Results.Io;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>
/// The io baseline on tmpfs, for real: host and runc run the io workload (quick profile) with the host scratch put
/// on /dev/shm. The guest records the filesystems, the harness carries them into io-targets.csv, and the report
/// gives runc no io verdict, only "not comparable: baseline target is tmpfs".
/// </summary>
[Collection(RealEngineCollection.Name)]
public sealed class TmpfsBaselineTests(RealEngine real)
{
    [SkippableFact]
    public async Task A_tmpfs_host_target_is_recorded_and_the_report_refuses_the_io_verdict()
    {
        real.Require();
        Skip.IfNot(Directory.Exists("/dev/shm"), "no /dev/shm (tmpfs) on this machine");
        using var temp = new TempRoot();
        var scratch = Path.Combine("/dev/shm", "isobench-it-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new RunOptions { Modes = "host,runc", Workloads = "io", Profile = "quick", Output = temp.Path, RunId = "it-tmpfs", ScratchDir = scratch };

            var summary = await new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, RealEngine.Layout, new Progress<string>(), null).RunAsync(options, CancellationToken.None);

            Assert.Empty(summary.Outcome.Failures);
            var targets = IoFactsCsv.ReadTargets(summary.Directory.Path);
            Assert.Contains(targets, t => (t.Mode, t.Target, t.FsType) == ("host", "layer", "tmpfs"));
            Assert.Contains(targets, t => (t.Mode, t.Target, t.FsType) == ("runc", "layer", "overlay"));
            Assert.Contains(targets, t => (t.Mode, t.Target, t.FsType) == ("runc", "volume", "tmpfs")); // the volumes live in the scratch too
            Assert.Contains(IoFactsCsv.ReadReads(summary.Directory.Path), r => (r.Mode, r.Metric, r.ReadKind) == ("host", "RandomRead4KiB@layer", ReadKinds.Cache));

            var report = await ReportGenerator.GenerateAsync(
                summary.Directory.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, BootstrapResamples = 1_000, WriteCharts = false }, CancellationToken.None);

            var io = report.Verdicts.Where(v => v.Workload == "io").ToList();
            Assert.Contains(io, v => v.Sentence == "runc on io SequentialWrite1MiB@layer: no verdict, not comparable: baseline target is tmpfs");
            Assert.All(io, v => Assert.Contains("no verdict, not comparable", v.Sentence, StringComparison.Ordinal));
            var md = await File.ReadAllTextAsync(report.ReportMarkdown);
            Assert.Contains("Filesystem of the layer: host tmpfs", md, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }
}
