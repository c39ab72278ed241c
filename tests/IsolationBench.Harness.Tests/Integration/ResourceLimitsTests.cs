using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Verification;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>Equal limits for every mode, seen from inside, and the engine's own record of a container, on the real engine.</summary>
[Collection(RealEngineCollection.Name)]
public sealed class ResourceLimitsTests(RealEngine real)
{
    [SkippableFact]
    public async Task Host_and_runc_see_the_same_cpus_and_memory_limit_from_inside_and_the_cgroup_is_removed()
    {
        var engine = real.Require();
        Skip.If(Environment.UserName != "root" && !RealEngine.InCi, "the host baseline's cgroup needs root");
        using var temp = new TempRoot();
        var runId = "it-limits-" + Guid.NewGuid().ToString("N")[..8];
        var options = new RunOptions { Modes = "host,runc", Workloads = "startup", Samples = 1, Warmup = 0, Output = temp.Path, RunId = runId, Cpus = 1, MemoryBytes = 512L << 20 };

        var summary = await new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, RealEngine.Layout, new Progress<string>(), null).RunAsync(options, CancellationToken.None);

        Assert.Null(summary.Outcome.MismatchReason);
        Assert.Empty(summary.Outcome.Failures);
        var manifest = summary.Directory.ReadManifest();
        var expected = new ModeResources(1, 1, 512L << 20);
        Assert.Equal(expected, manifest.EffectiveResources["host"]);
        Assert.Equal(expected, manifest.EffectiveResources["runc"]);
        Assert.Contains("cgroup", manifest.Resources!.HostLimits, StringComparison.Ordinal);
        Assert.All(summary.Directory.ReadFingerprints(), f => Assert.True(f.Verified, f.Reason));
        Assert.False(Directory.Exists($"/sys/fs/cgroup/memory/isolationbench/{IsolationBench.Harness.Hosting.CgroupLimits.OwnedName(runId)}"), "the run's cgroup is removed at its end");
        Assert.False(Directory.Exists($"/sys/fs/cgroup/cpuset/isolationbench/{IsolationBench.Harness.Hosting.CgroupLimits.OwnedName(runId)}"), "the run's cgroup is removed at its end");
    }

    [SkippableFact]
    public async Task A_container_created_with_runc_but_claimed_as_crun_is_caught_by_the_engines_record()
    {
        var engine = real.Require();
        var image = await ProbeImage.EnsureAsync(engine);
        var runId = "it-claim-" + Guid.NewGuid().ToString("N")[..8];
        var created = new ContainerSpec { Image = image, Labels = Labels.ForRun(runId), Runtime = "runc", Limits = ContainerLimits.For(new Resources.ResourceRequest(1, 512L << 20)) };
        var id = await engine.CreateContainerAsync(created, CancellationToken.None);
        try
        {
            var recorded = await engine.InspectConfigAsync(id, CancellationToken.None);

            Assert.Null(ContainerConfigCheck.Compare(created, recorded));
            Assert.Equal("the engine created the container with runtime runc, not crun", ContainerConfigCheck.Compare(created with { Runtime = "crun" }, recorded));
            Assert.Equal("0", recorded.CpusetCpus);
            Assert.Equal(512L << 20, recorded.MemoryBytes);
        }
        finally
        {
            await engine.RemoveAsync(id, CancellationToken.None);
        }
    }
}
