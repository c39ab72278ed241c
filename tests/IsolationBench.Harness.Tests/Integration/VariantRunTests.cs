using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Verification;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>A variant on the real engine: runc+unconfined really runs without seccomp beside runc, and leaves nothing behind.</summary>
[Collection(RealEngineCollection.Name)]
public sealed class VariantRunTests(RealEngine real)
{
    [SkippableFact]
    public async Task Runc_unconfined_runs_without_seccomp_beside_runc_with_it_and_leaves_no_container()
    {
        var engine = real.Require();
        using var temp = new TempRoot();
        var runId = "it-variant-" + Guid.NewGuid().ToString("N")[..8];
        var options = new RunOptions { Modes = "runc,runc+unconfined,runc+nomemlimit", Workloads = "startup", Samples = 2, Warmup = 0, Output = temp.Path, RunId = runId };

        var summary = await new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, RealEngine.Layout, new Progress<string>(), null).RunAsync(options, CancellationToken.None);

        Assert.Null(summary.Outcome.MismatchReason);
        Assert.Empty(summary.Outcome.Failures);
        var fingerprints = summary.Directory.ReadFingerprints();
        Assert.All(fingerprints, f => Assert.True(f.Verified, f.Reason));
        Assert.All(fingerprints.Where(f => f.Mode == "runc"), f => Assert.Equal(2, f.Fingerprint!.SeccompMode));
        Assert.All(fingerprints.Where(f => f.Mode == "runc+nomemlimit"), f => Assert.Equal((2, (long?)null), (f.Fingerprint!.SeccompMode, f.Fingerprint.MemoryLimitBytes)));
        var unconfined = fingerprints.Where(f => f.Mode == "runc+unconfined").ToList();
        Assert.Equal(2, unconfined.Count);
        Assert.All(unconfined, f => Assert.Equal(0, f.Fingerprint!.SeccompMode));
        Assert.All(unconfined, f => Assert.Contains("seccomp unconfined (Seccomp 0)", f.Reason, StringComparison.Ordinal));
        Assert.All(unconfined, f => Assert.Equal(fingerprints.First(p => p.Mode == "runc").Fingerprint!.KernelVersion, f.Fingerprint!.KernelVersion));

        var manifest = summary.Directory.ReadManifest();
        var described = manifest.Modes.Single(m => m.Name == "runc+unconfined");
        Assert.Equal(("runc", ModeVariants.Unconfined, "runc", "SharedKernel"), (described.Parent, described.Knob, described.Runtime, described.Boundary));
        Assert.StartsWith("less isolated than runc", described.Note, StringComparison.Ordinal);
        Assert.Equal("runc", manifest.Baseline);
        Assert.Equal(["runc", "runc+unconfined", "runc+nomemlimit"], SampleCsv.Read(summary.Directory.Samples).Select(s => s.Mode).Distinct());
        Assert.Empty(await engine.ListContainersAsync(Labels.Run, runId, CancellationToken.None));
    }

    [SkippableFact]
    public async Task The_engine_records_seccomp_unconfined_and_no_memory_limit_as_asked()
    {
        var engine = real.Require();
        var image = await ProbeImage.EnsureAsync(engine);
        var runId = "it-knob-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var knob in ModeVariants.Knobs)
        {
            var spec = new ContainerSpec { Image = image, Labels = Labels.ForRun(runId), Runtime = "runc", Limits = ContainerLimits.For(new Resources.ResourceRequest(1, 512L << 20), knob) };
            var id = await engine.CreateContainerAsync(spec, CancellationToken.None);
            try
            {
                Assert.Null(ContainerConfigCheck.Compare(spec, await engine.InspectConfigAsync(id, CancellationToken.None)));
            }
            finally
            {
                await engine.RemoveAsync(id, CancellationToken.None);
            }
        }

        Assert.Empty(await engine.ListContainersAsync(Labels.Run, runId, CancellationToken.None));
    }
}
