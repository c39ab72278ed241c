using System.Diagnostics;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>The harness killed with -9 mid-run: the next isobench command removes what it left; --resume completes the run.</summary>
[Collection(RealEngineCollection.Name)]
public sealed class KillTests(RealEngine real)
{
    [SkippableFact]
    public async Task Kill_9_mid_run_then_the_next_command_sweeps_and_resume_completes()
    {
        var engine = real.Require();
        using var temp = new TempRoot();
        const string runId = "it-kill9";
        var runDir = Path.Combine(temp.Path, runId);

        using (var harness = IsobenchProcess.Start("run", "--modes", "host,runc", "--workloads", "startup", "--samples", "40", "--warmup", "0", "--output", temp.Path, "--run-id", runId, "--no-report"))
        {
            // Kill once some samples are on disk (the engine's container list can stall mid-start, so poll the file).
            var samplesFile = Path.Combine(runDir, "samples.csv");
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (DateTime.UtcNow < deadline && !(File.Exists(samplesFile) && File.ReadAllLines(samplesFile).Length > 20))
            {
                if (harness.HasExited)
                {
                    Assert.Fail($"isobench ended (exit {harness.ExitCode}) before it could be killed: " + await harness.StandardError.ReadToEndAsync());
                }

                await Task.Delay(20);
            }

            harness.Kill(entireProcessTree: false); // SIGKILL: no cleanup code runs
            await harness.WaitForExitAsync();
        }

        var takenBefore = SampleCsv.Read(Path.Combine(runDir, "samples.csv")).Count(s => s.Metric == "total");
        var leftBehind = (await engine.ListContainersAsync(Labels.Run, runId, CancellationToken.None)).Count;
        var (doctorExit, doctorOut, _) = await IsobenchProcess.RunAsync("doctor");
        Assert.Equal(0, doctorExit);
        if (leftBehind > 0)
        {
            Assert.Contains($"removed {leftBehind} container(s) left behind by an earlier run", doctorOut, StringComparison.Ordinal);
        }

        var leftovers = await engine.ListContainersAsync(Labels.Run, runId, CancellationToken.None);
        Assert.Empty(leftovers);

        var (resumeExit, resumeOut, resumeErr) = await IsobenchProcess.RunAsync("run", "--resume", runDir, "--no-report");

        Assert.True(resumeExit == 0, resumeErr);
        Assert.Contains("resuming: ", resumeOut, StringComparison.Ordinal);
        var samples = SampleCsv.Read(Path.Combine(runDir, "samples.csv"));
        Assert.Equal(80, samples.Count(s => s.Metric == "total"));
        Assert.Equal(80, samples.Where(s => s.Metric == "total").Select(s => (s.Round, s.Mode)).Distinct().Count());
        Assert.InRange(takenBefore, 1, 79);
        Assert.Equal("complete", new RunDirectory(runDir).ReadManifest().Status);
        Assert.Empty(await engine.ListContainersAsync(Labels.Run, runId, CancellationToken.None));
    }
}
