using IsolationBench.Workloads.Startup;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>
/// The fingerprint check against real containers: a mode that claims one kernel boundary but whose containers
/// show another stops the run with a one-line reason.
/// </summary>
[Collection(RealEngineCollection.Name)]
public sealed class MismatchTests(RealEngine real)
{
    [SkippableFact]
    public async Task A_runc_container_passed_off_as_a_sandbox_fails_the_run()
    {
        var engine = real.Require();
        var claimsGVisor = new IsolationMode("runc", ModeKind.Container, "runc", null, KernelBoundary.UserSpaceKernel);

        var outcome = await RunOneAsync(engine, claimsGVisor);

        Assert.NotNull(outcome.MismatchReason);
        Assert.StartsWith("runc: expected gVisor's kernel but the container saw kernel ", outcome.MismatchReason, StringComparison.Ordinal);
        Assert.EndsWith("— the host's own", outcome.MismatchReason, StringComparison.Ordinal);
        Assert.False(outcome.Verification["runc"].Verified);
    }

    [SkippableFact]
    public async Task A_runsc_container_passed_off_as_a_shared_kernel_fails_the_run()
    {
        var engine = real.Require();
        real.RequireRuntime("runsc");
        var claimsShared = new IsolationMode("runsc", ModeKind.Container, "runsc", null, KernelBoundary.SharedKernel);

        var outcome = await RunOneAsync(engine, claimsShared);

        Assert.NotNull(outcome.MismatchReason);
        Assert.StartsWith("runsc: expected the host's kernel but the container saw gVisor", outcome.MismatchReason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', outcome.MismatchReason);
    }

    private static async Task<MatrixOutcome> RunOneAsync(Engine.DockerEngine engine, IsolationMode mode)
    {
        using var temp = new TempRoot();
        var image = await ProbeImage.EnsureAsync(engine);
        var probe = RealEngine.Layout.ProbeBinary("linux-x64");
        var runId = "it-mismatch-" + Guid.NewGuid().ToString("N")[..8];
        var directory = new RunDirectory(temp.Path);
        var context = new RunContext(runId, directory, Labels.ForRun(runId));
        var runner = new MatrixRunner([new StartupExecutor(engine, image, probe)], FingerprintCollector.Collect(), allowMismatch: false);
        using var writer = new SampleWriter(directory.Samples);
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, [mode], ["startup"], startupSamples: 3, startupWarmup: 0, guestRounds: 1);

        var outcome = await runner.RunAsync(plan, context, writer, null, null, CancellationToken.None);

        // The run stopped at the first contradiction and removed its container.
        Assert.Single(directory.ReadFingerprints());
        Assert.Empty(await engine.ListContainersAsync(Labels.Run, runId, CancellationToken.None));
        return outcome;
    }
}
