using IsolationBench.Workloads.Startup.RuntimeDirect;
using IsolationBench.Harness.Lifecycle;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Resources;
using IsolationBench.Harness.Verification;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>Runtime-direct startup on the real machine: the probe's bundle from the engine, then runc/crun/runsc with no engine.</summary>
[Collection(RealEngineCollection.Name)]
public sealed class RuntimeDirectTests(RealEngine real)
{
    [SkippableTheory]
    [InlineData("runc")]
    [InlineData("crun")]
    [InlineData("runsc")]
    public async Task One_lifecycle_is_timed_verified_from_inside_and_leaves_nothing_behind(string runtime)
    {
        var engine = real.Require();
        real.RequireRuntime(runtime);
        var resources = new ResourceRequest(1, 512L * 1024 * 1024);
        var probe = new ContainerSpec
        {
            Image = await ProbeImage.EnsureAsync(engine),
            Labels = Labels.ForRun("it-runtime-direct-" + runtime),
            Limits = ContainerLimits.For(resources),
        };
        using var temp = new TempRoot();
        string stateDir;
        RuntimeCommand command;
        WorkloadRun run;
        await using (var direct = await RuntimeDirectRun.OpenAsync(engine, probe, "it-rd-" + runtime, real.Facts!, temp.Path, CancellationToken.None))
        {
            stateDir = direct.StateDir;
            command = direct.Command(runtime);
            run = await direct.RunAsync(runtime, TimeSpan.FromSeconds(60), CancellationToken.None);
            Assert.True(run.Ok, run.Failure + " " + run.StdErr);
            Assert.Empty(await ListAsync(command));

            // The container's processes were the harness's to reap, as they are the engine shim's on the engine path.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (direct.OrphansReaped == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.True(direct.OrphansReaped > 0, "no orphan of the runtime was adopted and reaped");
        }

        var durations = run.Timings!.ContainerPhaseDurations();
        Assert.Equal([.. StartupPhases.Container, StartupPhases.Total], durations.Select(d => d.Phase));
        Assert.All(durations, d => Assert.True(d.Milliseconds >= 0, d.Phase));
        Assert.InRange(Math.Abs(durations[^1].Milliseconds - durations.SkipLast(1).Sum(d => d.Milliseconds)), 0, 0.01);

        var (fingerprint, problem) = ProbeOutput.Parse(run.StdOut);
        Assert.Null(problem);
        var mode = ModeCatalog.From(real.Facts).Find(runtime)!;
        var verdict = FingerprintVerifier.Verify(mode, fingerprint, FingerprintCollector.Collect(), new Expectations(resources, LockedDown: true));
        Assert.True(verdict.Ok, verdict.Reason);
        Assert.Equal(["lo"], fingerprint!.NetworkInterfaces);

        Assert.False(Directory.Exists(stateDir), "the run's state dir (bundle and runtime roots) is removed");
        Assert.Empty(await ListAsync(command));
        Assert.Empty(await engine.ListContainersAsync(Labels.Run, "it-runtime-direct-" + runtime, CancellationToken.None));
    }

    private static async Task<string[]> ListAsync(RuntimeCommand command)
    {
        var info = new System.Diagnostics.ProcessStartInfo(command.Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in command.List())
        {
            info.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
