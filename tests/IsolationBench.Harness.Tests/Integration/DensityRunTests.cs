using IsolationBench.Workloads.Density;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>The density ladder on the real engine: a tiny ladder (1, 2) in host and runc, every step recorded, then launches of 1 and 2 at once, nothing left.</summary>
[Collection(RealEngineCollection.Name)]
public sealed class DensityRunTests(RealEngine real)
{
    [SkippableFact]
    public async Task A_tiny_ladder_records_every_step_in_host_and_runc_and_leaves_no_container()
    {
        var engine = real.Require();
        using var temp = new TempRoot();
        var options = new RunOptions { Modes = "host,runc", Workloads = "density", DensityMax = 2, Output = temp.Path, RunId = "it-density" };

        var summary = await new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, RealEngine.Layout, new Progress<string>(), null).RunAsync(options, CancellationToken.None);

        Assert.Equal("complete", summary.Status);
        Assert.Empty(summary.Outcome.Failures);
        var samples = SampleCsv.Read(summary.Directory.Samples);
        Assert.All(samples, s => Assert.True(s.IsOk && s.Workload == "density", $"{s.Mode}/{s.Metric}: {s.Status}"));
        foreach (var mode in new[] { "host", "runc" })
        {
            var rows = samples.Where(s => s.Mode == mode).ToList();
            Assert.Equal([1, 2], rows.Where(s => s.Metric == DensityMetrics.StartLatency).Select(s => s.Iteration));
            Assert.Equal([1, 2], rows.Where(s => s.Metric == DensityMetrics.Pss).Select(s => s.Iteration));
            Assert.Equal([1, 2], rows.Where(s => s.Metric == DensityMetrics.AvailableDrop).Select(s => s.Iteration));
            Assert.Equal(2, rows.Single(s => s.Metric == DensityMetrics.Reached).Value);
            // An idle probe maps a few MiB at least, and no process here is a GiB.
            Assert.All(rows.Where(s => s.Metric == DensityMetrics.Pss), s => Assert.InRange(s.Value, 0.5, 1024));
            // Page tables and kernel stacks: at least one thread's 16 KiB stack, and far below the PSS of the same processes.
            Assert.Equal([1, 2], rows.Where(s => s.Metric == DensityMetrics.KernelMemory).Select(s => s.Iteration));
            Assert.All(rows.Where(s => s.Metric == DensityMetrics.KernelMemory), s => Assert.InRange(s.Value, 16.0 / 1024, 64));
            Assert.All(rows.Where(s => s.Unit == DensityMetrics.MebibytesPerContainer), s => Assert.Equal(DensityMetrics.MebibytesPerContainer, s.Unit));
        }

        // Only the containers have a cgroup charge of their own; the runtime's shim adds to runc's PSS over the bare process.
        Assert.Equal([1, 2], samples.Where(s => s.Mode == "runc" && s.Metric == DensityMetrics.CgroupCharge).Select(s => s.Iteration));
        Assert.DoesNotContain(samples, s => s.Mode == "host" && s.Metric == DensityMetrics.CgroupCharge);
        Assert.True(
            samples.Where(s => s.Mode == "runc" && s.Metric == DensityMetrics.Pss).Max(s => s.Value) > samples.Where(s => s.Mode == "host" && s.Metric == DensityMetrics.Pss).Max(s => s.Value),
            "a runc container's PSS (shim included) should exceed a bare host process's");
        // Then K concurrent launches for K = 1, 2 (capped at --density-max 2): a throughput per K, one latency per launch.
        foreach (var mode in new[] { "host", "runc" })
        {
            var rows = samples.Where(s => s.Mode == mode).ToList();
            Assert.Equal([1, 2], rows.Where(s => s.Metric == DensityMetrics.LaunchThroughput).Select(s => s.Iteration));
            Assert.All(rows.Where(s => s.Metric == DensityMetrics.LaunchThroughput), s => Assert.InRange(s.Value, 0.01, 10_000));
            Assert.Equal([1, 2, 2], rows.Where(s => s.Metric == DensityMetrics.LaunchLatency).Select(s => s.Iteration).Order());
            Assert.Equal(3, rows.Where(s => s.Metric == DensityMetrics.LaunchLatency).Select(s => s.Source).Distinct().Count());
        }

        var manifest = summary.Directory.ReadManifest();
        Assert.True(manifest.Verification["runc"].Verified, manifest.Verification["runc"].Reason);
        Assert.Contains(manifest.Metrics ?? [], m => m.Workload == "density" && m.Id == DensityMetrics.Reached && m.HigherIsBetter);
        Assert.Equal("2", manifest.Options["density_max"]);
        Assert.Empty(await engine.ListContainersAsync(Labels.Run, "it-density", CancellationToken.None));
    }
}
