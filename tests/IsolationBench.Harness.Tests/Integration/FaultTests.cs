using IsolationBench.Harness.Lifecycle;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Matrix;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>Workloads that hang, crash or are OOM-killed become failed samples with a reason; nothing leaks.</summary>
[Collection(RealEngineCollection.Name)]
public sealed class FaultTests(RealEngine real)
{
    private static ContainerSpec Spec(string image, string runId, params string[] command) => new()
    {
        Image = image,
        Command = command,
        Labels = Labels.ForRun(runId),
        Runtime = "runc",
    };

    [SkippableFact]
    public async Task A_hanging_workload_times_out_and_its_container_is_removed()
    {
        var engine = real.Require();
        var image = await ProbeImage.EnsureAsync(engine);
        var runId = "it-hang-" + Guid.NewGuid().ToString("N")[..6];

        var run = await new ContainerLifecycle(engine).RunAsync(Spec(image, runId, "--sleep-ms", "120000"), TimeSpan.FromSeconds(3), null, true, CancellationToken.None);

        Assert.Equal("timeout after 3 s (phase exit)", run.Failure);
        Assert.Null(run.Timings);
        Assert.Empty(await engine.ListContainersAsync(Labels.Run, runId, CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_crashing_workload_is_a_failure_with_its_exit_code()
    {
        var engine = real.Require();
        var image = await ProbeImage.EnsureAsync(engine);
        var runId = "it-crash-" + Guid.NewGuid().ToString("N")[..6];

        var run = await new ContainerLifecycle(engine).RunAsync(Spec(image, runId, "--exit", "3"), TimeSpan.FromSeconds(30), null, true, CancellationToken.None);

        Assert.Equal("exit code 3", run.Failure);
        Assert.Empty(await engine.ListContainersAsync(Labels.Run, runId, CancellationToken.None));
    }

    [SkippableFact]
    public async Task An_oom_killed_workload_is_named_as_such()
    {
        var engine = real.Require();
        var image = await ProbeImage.EnsureAsync(engine);
        var runId = "it-oom-" + Guid.NewGuid().ToString("N")[..6];
        var spec = Spec(image, runId, "--alloc-mb", "512") with { Limits = ContainerLimits.LockedDown with { MemoryBytes = 64L * 1024 * 1024 } };

        var run = await new ContainerLifecycle(engine).RunAsync(spec, TimeSpan.FromSeconds(60), null, true, CancellationToken.None);

        Assert.NotNull(run.Failure);
        Assert.StartsWith("exit code 137 (OOM-killed)", run.Failure, StringComparison.Ordinal);
        Assert.Empty(await engine.ListContainersAsync(Labels.Run, runId, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Containers_are_locked_down_as_seen_from_inside()
    {
        var engine = real.Require();
        var image = await ProbeImage.EnsureAsync(engine);
        var runId = "it-locked-" + Guid.NewGuid().ToString("N")[..6];

        var run = await new ContainerLifecycle(engine).RunAsync(Spec(image, runId), TimeSpan.FromSeconds(30), null, true, CancellationToken.None);
        var (fp, problem) = ProbeOutput.Parse(run.StdOut);

        Assert.Null(problem);
        Assert.Equal("0000000000000000", fp!.EffectiveCapabilities);
        Assert.True(fp.NoNewPrivileges);
        Assert.Equal(["lo"], fp.NetworkInterfaces);
        Assert.Equal("256", fp.PidsLimit);
        Assert.True(fp.MemoryAvailableBytes <= ContainerLimits.LockedDown.MemoryBytes, $"memory visible: {fp.MemoryAvailableBytes}");
    }

    [SkippableFact]
    public async Task The_engine_socket_is_never_mounted()
    {
        var engine = real.Require();
        var spec = Spec("isolationbench/probe:any", "it-sock") with { Binds = ["/var/run/docker.sock:/var/run/docker.sock"] };

        var ex = await Assert.ThrowsAsync<UsageException>(() => engine.CreateContainerAsync(spec, CancellationToken.None));

        Assert.Contains("exposes the container engine", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Ctrl_c_stops_cleanly_and_resume_completes_exactly_the_planned_samples()
    {
        var engine = real.Require();
        real.RequireRuntime("crun");
        using var temp = new TempRoot();
        var options = new RunOptions { Modes = "host,runc,crun", Workloads = "startup", Samples = 4, Warmup = 1, Output = temp.Path, RunId = "it-resume" };
        using var stop = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Done == 8)
            {
                stop.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, RealEngine.Layout, new Progress<string>(), progress).RunAsync(options, stop.Token));

        var directory = new RunDirectory(Path.Combine(temp.Path, "it-resume"));
        Assert.Equal("partial", directory.ReadManifest().Status);
        var kept = SampleCsv.Read(directory.Samples);
        Assert.InRange(kept.Count(s => s.Metric == "total"), 1, 11);
        Assert.Empty(await engine.ListContainersAsync(Labels.Run, "it-resume", CancellationToken.None));

        var recorded = directory.ReadManifest().Options;
        var resumed = await new RunSession(IsolationBench.Workloads.WorkloadModules.Registry, RealEngine.Layout, new Progress<string>(), null)
            .RunAsync(RunOptions.ForResume(directory.Path, recorded, new Dictionary<string, string?>()), CancellationToken.None);

        Assert.Equal("complete", resumed.Status);
        var all = SampleCsv.Read(directory.Samples);
        Assert.Equal(12, all.Count(s => s.Metric == "total"));
        Assert.Equal(12, all.Where(s => s.Round > 0).Select(s => (s.Round, s.Mode)).Distinct().Count());
        Assert.Equal(kept, all.Take(kept.Count));
    }

    [Fact]
    public void Resume_refuses_different_options()
    {
        var recorded = new Dictionary<string, string> { ["samples"] = "30", ["modes"] = "host,runc" };

        var ex = Assert.Throws<UsageException>(() => RunOptions.ForResume("r", recorded, new Dictionary<string, string?> { ["--samples"] = "50" }));

        Assert.Equal("--samples 50 differs from the run's 30: --resume repeats the run's own options (drop --samples, or start a new run)", ex.Message);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the test needs the callback inline to cancel at an exact cell.</summary>
    private sealed class SynchronousProgress(Action<MatrixProgress> action) : IProgress<MatrixProgress>
    {
        public void Report(MatrixProgress value) => action(value);
    }
}
