using System.Diagnostics;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>
/// The harness killed with -9 mid-ladder (held containers alive, none removed by it): the next isobench command sweeps
/// every container that carries the run's labels.
/// </summary>
[Collection(RealEngineCollection.Name)]
public sealed class DensityKillTests(RealEngine real)
{
    private const int AliveBeforeKill = 3;

    [SkippableFact]
    public async Task Kill_9_mid_ladder_then_the_next_command_leaves_no_container_of_the_run()
    {
        var engine = real.Require();
        using var temp = new TempRoot();
        const string runId = "it-density-kill9";

        using (var harness = IsobenchProcess.Start("run", "--modes", "runc", "--workloads", "density", "--density-max", "8", "--output", temp.Path, "--run-id", runId, "--no-report"))
        {
            // Deterministic: kill only once the ladder holds 3 containers (it is then between its steps of 2 and 4, or reading 4).
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while ((await engine.ListContainersAsync(Labels.Run, runId, CancellationToken.None)).Count < AliveBeforeKill)
            {
                if (harness.HasExited)
                {
                    Assert.Fail($"isobench ended (exit {harness.ExitCode}) before it could be killed: " + await harness.StandardError.ReadToEndAsync());
                }

                Assert.True(DateTime.UtcNow < deadline, $"the ladder did not reach {AliveBeforeKill} containers in 3 minutes");
                await Task.Delay(50);
            }

            harness.Kill(entireProcessTree: false); // SIGKILL: no cleanup code runs
            await harness.WaitForExitAsync();
        }

        var leftBehind = (await engine.ListContainersAsync(Labels.Run, runId, CancellationToken.None)).Count;
        Assert.True(leftBehind >= AliveBeforeKill, $"the killed harness should have left its held containers, found {leftBehind}");

        var (exit, stdout, stderr) = await IsobenchProcess.RunAsync("doctor");

        Assert.True(exit == 0, stderr);
        Assert.Contains($"removed {leftBehind} container(s) left behind by an earlier run", stdout, StringComparison.Ordinal);
        Assert.Empty(await engine.ListContainersAsync(Labels.Run, runId, CancellationToken.None));
    }
}
