using IsolationBench.Workloads.Startup.RuntimeDirect;
using IsolationBench.Harness.Hosting;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>startup-runtime as a registered workload through the whole run, beside startup: rows written, nothing left behind.</summary>
[Collection(RealEngineCollection.Name)]
public sealed class StartupRuntimeRunTests(RealEngine real)
{
    [SkippableFact]
    public async Task Startup_and_startup_runtime_on_runc_and_crun_write_every_phase_and_leave_no_container_bundle_or_state()
    {
        var engine = real.Require();
        real.RequireRuntime("crun");
        Skip.IfNot(RuntimeDirectSupport.RefusalHere("linux") is null, RuntimeDirectSupport.RefusalHere("linux"));
        using var temp = new TempRoot();
        const string runId = "it-startup-runtime";
        var options = new RunOptions { Modes = "runc,crun", Workloads = "startup,startup-runtime", Samples = 3, Warmup = 1, Output = temp.Path, RunId = runId };

        var summary = await new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, RealEngine.Layout, new Progress<string>(), null).RunAsync(options, CancellationToken.None);

        Assert.Equal("complete", summary.Status);
        Assert.Empty(summary.Outcome.Failures);
        Assert.Null(summary.Outcome.MismatchReason);
        var samples = SampleCsv.Read(summary.Directory.Samples).Where(s => s.Round > 0).ToList();
        foreach (var workload in new[] { "startup", "startup-runtime" })
        {
            foreach (var mode in new[] { "runc", "crun" })
            {
                var rows = samples.Where(s => s.Workload == workload && s.Mode == mode).ToList();
                Assert.Equal(3 * StartupPhases.All.Count, rows.Count);
                Assert.Equal(StartupPhases.All.Order(StringComparer.Ordinal), rows.Select(r => r.Metric).Distinct().Order(StringComparer.Ordinal));
                Assert.All(rows, r => Assert.True(r.IsOk && r.Value >= 0, $"{workload}/{mode}/{r.Metric}: {r.Status}"));
            }
        }

        var manifest = summary.Directory.ReadManifest();
        Assert.Contains(manifest.WorkloadDescriptors!, d => d.Name == "startup-runtime" && d.HeadlineMetric == StartupPhases.Total);
        // Each mode: 4 engine containers and 4 runtime-direct ones, every fingerprint verified.
        Assert.All(new[] { "runc", "crun" }, m => Assert.True(manifest.Verification[m].Verified, manifest.Verification[m].Reason));
        Assert.Equal(8, manifest.Verification["runc"].Containers);
        Assert.Empty(await engine.ListContainersAsync(Labels.Run, runId, CancellationToken.None));
        Assert.False(Directory.Exists(Path.Combine(RunStateDir.DefaultBase, CgroupLimits.OwnedName(runId))), "the run's bundle and runtime state are gone");
    }
}
