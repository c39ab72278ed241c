using IsolationBench.Harness.Lifecycle;
using System.Diagnostics;
using System.Globalization;
using IsolationBench.Harness.Engine;
using IsolationBench.Results;
using Xunit.Abstractions;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>
/// Issue 8: the engine dies mid-run (dockerd killed or stopped) → isobench fails within its timeout with one line
/// naming --resume, keeps what it measured (manifest partial); once the engine is back, --resume completes the run.
/// Runs against a private dockerd (<see cref="PrivateDockerd"/>): the system engine is never stopped.
/// </summary>
[Collection(RealEngineCollection.Name)]
public sealed class EngineFaultTests(ITestOutputHelper output)
{
    private const int Samples = 40;

    /// <summary>The harness's per-call timeout is 30 s (Preflight.EngineCallTimeout); a dead engine must end the run well within twice that.</summary>
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(60);

    private static readonly string Isobench = Path.Combine(AppContext.BaseDirectory, "isobench.dll");

    [SkippableTheory]
    [InlineData("SIGKILL")]
    [InlineData("SIGTERM")]
    public async Task Stopping_dockerd_mid_run_fails_within_the_timeout_and_resume_after_restart_completes(string signal)
    {
        await using var dockerd = await PrivateDockerd.StartNewAsync();
        using var temp = new TempRoot();
        var runId = "it-enginefault-" + signal.ToLowerInvariant();
        var runDir = Path.Combine(temp.Path, runId);
        var samplesFile = Path.Combine(runDir, "samples.csv");

        using var harness = Start("run", "--engine", dockerd.Endpoint, "--modes", "runc", "--workloads", "startup", "--samples", Samples.ToString(CultureInfo.InvariantCulture),
            "--warmup", "0", "--output", temp.Path, "--run-id", runId, "--no-report");
        var stdout = harness.StandardOutput.ReadToEndAsync();
        var stderr = harness.StandardError.ReadToEndAsync();

        // Stop the engine once a few samples are on disk (header + one row per startup metric per sample).
        var deadline = Stopwatch.StartNew();
        while (!(File.Exists(samplesFile) && File.ReadAllLines(samplesFile).Length > 1 + (3 * StartupPhases.All.Count)))
        {
            if (harness.HasExited)
            {
                Assert.Fail($"isobench ended (exit {harness.ExitCode}) before the engine was stopped: {await stderr}{Environment.NewLine}{await stdout}");
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(2), "no samples within 2 min; private dockerd log:" + Environment.NewLine + dockerd.LogTail());
            await Task.Delay(20);
        }

        var signalledAt = DateTime.Now;
        var stoppedAt = Stopwatch.StartNew();
        await dockerd.StopAsync(kill: signal == "SIGKILL");
        var dockerdGone = stoppedAt.Elapsed;
        using (var bound = new CancellationTokenSource(ExitBound - stoppedAt.Elapsed > TimeSpan.FromSeconds(1) ? ExitBound - stoppedAt.Elapsed : TimeSpan.FromSeconds(1)))
        {
            try
            {
                await harness.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                harness.Kill(entireProcessTree: true);
                Assert.Fail($"isobench still running {ExitBound.TotalSeconds} s after dockerd got {signal}: it hangs on a dead engine. stdout so far:{Environment.NewLine}{await stdout}");
            }
        }

        var failedAfter = harness.ExitTime - signalledAt;
        Assert.True(failedAfter < ExitBound, $"isobench took {failedAfter.TotalSeconds:0.0} s to give up on a dead engine");
        var error = await stderr;
        var log = await stdout;
        output.WriteLine($"{signal}: isobench exited {failedAfter.TotalSeconds:0.000} s after the signal (exit {harness.ExitCode}); dockerd and its containerd gone after {dockerdGone.TotalSeconds:0.000} s");
        output.WriteLine("stderr: " + error.TrimEnd());

        // Lost mid-run (EngineLostException) is a failed run, exit 1 — not bad input (2), which an engine missing at start is.
        Assert.True(harness.ExitCode == 1, $"exit {harness.ExitCode}, expected 1 (engine lost mid-run); stderr: {error}{Environment.NewLine}stdout: {log}");
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith($"isobench: cannot reach the container engine at {dockerd.Endpoint} (", line, StringComparison.Ordinal);
        Assert.EndsWith($"when the engine is back: isobench run --resume {runDir}", line, StringComparison.Ordinal);
        Assert.Equal("partial", new RunDirectory(runDir).ReadManifest().Status);
        var before = SampleCsv.Read(samplesFile);
        var takenBefore = before.Count(s => s.Metric == "total");
        Assert.InRange(takenBefore, 3, Samples - 1);
        Assert.All(before, s => Assert.Equal(SampleStatus.Ok, s.Status));

        // The engine is back on the same data root: --resume takes exactly what is missing.
        await dockerd.StartAsync();
        var resumeClock = Stopwatch.StartNew();
        var (resumeExit, resumeOut, resumeErr) = await RunAsync("run", "--resume", runDir, "--engine", dockerd.Endpoint, "--no-report");
        output.WriteLine($"resume: exit {resumeExit} after {resumeClock.Elapsed.TotalSeconds:0.0} s");

        Assert.True(resumeExit == 0, $"resume exit {resumeExit}: {resumeErr}{Environment.NewLine}{resumeOut}");
        Assert.Contains($"resuming: {takenBefore} measured cells already done, {Samples - takenBefore} to go", resumeOut, StringComparison.Ordinal);
        var all = SampleCsv.Read(samplesFile);
        var totals = all.Where(s => s.Metric == "total").ToList();
        Assert.Equal(Samples, totals.Count);
        Assert.Equal(Enumerable.Range(1, Samples), totals.Select(s => s.Round).Order());
        Assert.All(totals, s => Assert.Equal("runc", s.Mode));
        Assert.All(all, s => Assert.Equal(SampleStatus.Ok, s.Status));
        Assert.Equal(before, all.Take(before.Count));
        Assert.Equal("complete", new RunDirectory(runDir).ReadManifest().Status);
        await using var engine = await dockerd.ConnectAsync();
        Assert.Empty(await engine.ListContainersAsync(Labels.Run, runId, CancellationToken.None));
    }

    /// <summary>
    /// The one engine call with no per-call timeout (WaitAsync: the container's deadline bounds it) and the attach
    /// stream must error — not hang until the deadline — when the engine dies under a running container.
    /// </summary>
    [SkippableTheory]
    [InlineData("SIGKILL")]
    [InlineData("SIGTERM")]
    public async Task A_container_being_waited_on_when_dockerd_dies_fails_at_once_not_at_its_deadline(string signal)
    {
        await using var dockerd = await PrivateDockerd.StartNewAsync();
        await using var engine = await dockerd.ConnectAsync();
        var image = await ProbeImage.EnsureAsync(engine);
        var runId = "it-enginefault-wait-" + signal.ToLowerInvariant();
        var spec = new ContainerSpec { Image = image, Command = ["--sleep-ms", "120000"], Labels = Labels.ForRun(runId), Runtime = "runc" };

        var run = new ContainerLifecycle(engine).RunAsync(spec, TimeSpan.FromSeconds(100), null, true, CancellationToken.None);
        var deadline = Stopwatch.StartNew();
        while (!(await engine.ListContainersAsync(Labels.Run, runId, CancellationToken.None)).Any(c => c.State == "running"))
        {
            Assert.False(run.IsCompleted, "the sleeping container ended before dockerd was stopped: " + (run.IsCompletedSuccessfully ? run.Result.Failure : run.Exception?.Message));
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the container did not start within 30 s");
            await Task.Delay(50);
        }

        await Task.Delay(200); // in WaitAsync by now
        var stoppedAt = Stopwatch.StartNew();
        await dockerd.StopAsync(kill: signal == "SIGKILL");
        var ex = await Assert.ThrowsAsync<EngineUnavailableException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        output.WriteLine($"{signal}: lifecycle failed {stoppedAt.Elapsed.TotalSeconds:0.000} s after the signal: {ex.Message}");
        Assert.True(stoppedAt.Elapsed < TimeSpan.FromSeconds(60), $"took {stoppedAt.Elapsed.TotalSeconds:0.0} s");
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RealEngine.Layout.Root };
        info.ArgumentList.Add(Isobench);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        // The private engine is named with --engine; keep DOCKER_HOST from pointing anywhere else.
        info.Environment.Remove("DOCKER_HOST");
        return Process.Start(info)!;
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var p = Start(args);
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(bound.Token);
        return (p.ExitCode, await output, await error);
    }
}
