using IsolationBench.Harness.Cages;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Tests.Unit.Cages;

/// <summary>
/// Nothing is left on any path: a cage run that fails, times out, is refused or is cancelled still kills and removes its
/// container (once); a refusal from an engine that then stops answering is engine loss; a host process is killed or released.
/// </summary>
public sealed class CageCleanupTests
{
    private static ContainerCage Cage(ScriptedEngine engine) => new(engine, new ContainerSpec { Image = "probe", Labels = new Dictionary<string, string>() });

    [Fact]
    public async Task A_workload_failure_kills_and_removes_the_container_once()
    {
        var engine = new ScriptedEngine();
        var cage = Cage(engine);

        var failure = await CageRun.RunAsync(cage, TimeSpan.FromSeconds(30), async ct =>
        {
            await cage.StartAsync(ct);
            return "the server's first line was not \"ISOBENCH-READY port=N\"";
        }, CancellationToken.None);
        await cage.DisposeAsync();

        Assert.Equal("the server's first line was not \"ISOBENCH-READY port=N\"", failure);
        Assert.Equal(["create", "attach", "start", "kill", "remove"], engine.Calls);
    }

    [Fact]
    public async Task A_deadline_is_a_failure_naming_the_phase_and_stderr_and_the_container_goes()
    {
        var engine = new ScriptedEngine();
        var cage = Cage(engine);

        var failure = await CageRun.RunAsync(cage, TimeSpan.FromSeconds(1), async ct =>
        {
            await cage.StartAsync(ct);
            engine.Write("listening soon\n", isStdErr: true);
            while (cage.Output.StdErr.Length == 0)
            {
                await Task.Delay(5, ct); // the pump is asynchronous: the tail must be in before the deadline
            }

            await cage.ReadyAsync("ready", Readiness.NamedLine("ISOBENCH-READY"), "the service wrote no ready line", ct);
            return null;
        }, CancellationToken.None);

        Assert.Equal("timeout (phase ready): listening soon", failure);
        Assert.Equal(["kill", "remove"], engine.Calls.TakeLast(2));
    }

    [Fact]
    public async Task A_cage_whose_output_ends_before_readiness_fails_with_what_it_waited_for()
    {
        var engine = new ScriptedEngine();
        var cage = Cage(engine);

        var failure = await CageRun.RunAsync(cage, TimeSpan.FromSeconds(30), async ct =>
        {
            await cage.StartAsync(ct);
            engine.Write("no port\n", isStdErr: true);
            engine.Exit(2);
            await cage.ReadyAsync("ready", Readiness.NamedLine("ISOBENCH-READY"), "the service wrote no ready line", ct);
            return null;
        }, CancellationToken.None);

        Assert.Equal("the service wrote no ready line: no port", failure);
        Assert.Contains("remove", engine.Calls);
    }

    [Fact]
    public async Task The_callers_cancellation_is_thrown_after_the_container_is_taken_away()
    {
        var engine = new ScriptedEngine();
        var cage = Cage(engine);
        using var ctrlC = new CancellationTokenSource();

        var run = CageRun.RunAsync(cage, TimeSpan.FromMinutes(5), async ct =>
        {
            await cage.StartAsync(ct);
            await cage.WaitReadyAsync(Readiness.FirstLine, ct);
            return null;
        }, ctrlC.Token);
        await ctrlC.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(["create", "attach", "start", "kill", "remove"], engine.Calls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_refusal_is_the_cells_failure_unless_the_engine_then_stops_answering(bool gone)
    {
        var engine = new ScriptedEngine(refuseAt: "start", goneAfterRefusal: gone);
        var cage = Cage(engine);

        var run = CageRun.RunAsync(cage, TimeSpan.FromSeconds(30), async ct =>
        {
            await cage.StartAsync(ct);
            return null;
        }, CancellationToken.None);

        if (gone)
        {
            await Assert.ThrowsAsync<EngineUnavailableException>(() => run);
        }
        else
        {
            Assert.Equal("engine refused to start", await run);
        }

        Assert.Equal(["create", "attach", "start", "ping", "kill", "remove"], engine.Calls);
    }

    [Fact]
    public async Task A_refused_create_leaves_nothing_to_remove()
    {
        var engine = new ScriptedEngine(refuseAt: "create");
        var cage = Cage(engine);

        await Assert.ThrowsAsync<EngineRequestException>(() => cage.StartAsync(CancellationToken.None));
        await cage.DisposeAsync();

        Assert.Equal(["create"], engine.Calls);
        Assert.Equal(string.Empty, cage.Source);
    }

    [Fact]
    public async Task An_exited_container_is_removed_without_a_kill_and_stopping_twice_does_nothing_more()
    {
        var engine = new ScriptedEngine();
        var cage = Cage(engine);
        await cage.StartAsync(CancellationToken.None);
        engine.Write("ISOBENCH-READY\n");
        engine.Exit(0);

        Assert.Equal(0, await cage.WaitForExitAsync(CancellationToken.None));
        await cage.StopAsync();
        await cage.StopAsync();
        await cage.DisposeAsync();

        Assert.Equal(["create", "attach", "start", "wait", "remove"], engine.Calls);
        Assert.True(cage.Clock.CreateCalled <= cage.Clock.Attached && cage.Clock.Attached <= cage.Clock.StartReturned && cage.Clock.StartReturned <= cage.Clock.ExitSeen);
    }

    [Fact]
    public async Task A_host_process_that_cannot_be_spawned_says_so_in_one_line()
    {
        await using var cage = new HostProcessCage(new HostProcessSpec("/nonexistent/isobench-guest", [], Limits: null));

        var ex = await Assert.ThrowsAsync<CageStartException>(() => cage.StartAsync(CancellationToken.None));

        Assert.StartsWith("cannot start /nonexistent/isobench-guest: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, cage.Source);
    }

    [SkippableFact]
    public async Task A_host_process_left_running_is_killed_and_a_held_one_is_released_by_closing_its_stdin()
    {
        Skip.If(OperatingSystem.IsWindows(), "uses /bin/sh");
        var running = new HostProcessCage(new HostProcessSpec("/bin/sh", ["-c", "echo ready; sleep 600"], Limits: null));
        var held = new HostProcessCage(new HostProcessSpec("/bin/sh", ["-c", "echo ready; cat >/dev/null; echo released"], Limits: null, HeldByStdin: true));
        foreach (var cage in new[] { running, held })
        {
            await cage.StartAsync(CancellationToken.None);
            Assert.Equal("ready", (await cage.WaitReadyAsync(Readiness.FirstLine, CancellationToken.None))?.Line);
        }

        await running.StopAsync();
        await held.StopAsync();

        Assert.True(running.HasExited);
        Assert.True(held.HasExited);
        Assert.Equal("released", (await held.WaitReadyAsync(Readiness.Line(2), CancellationToken.None))?.Line);
        await running.DisposeAsync();
        await held.DisposeAsync();
    }
}
