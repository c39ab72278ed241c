using System.Net;
using System.Net.Sockets;
using IsolationBench.Harness.Cages;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Tests.Unit.Cages;

/// <summary>The readiness strategies: the first line, line N, a named line among others, a port answering; and what each says when readiness never comes.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task The_first_line_is_ready_whatever_it_says_and_line_n_waits_for_n_lines()
    {
        var (engine, cage) = await StartedAsync();
        var second = cage.WaitReadyAsync(Readiness.Line(2), CancellationToken.None);

        engine.Write("hello\n");
        Assert.Equal("hello", (await cage.WaitReadyAsync(Readiness.FirstLine, CancellationToken.None))?.Line);
        Assert.False(second.IsCompleted);
        engine.Write("{}\n");
        Assert.Equal("{}", (await second)?.Line);
        await cage.DisposeAsync();
    }

    [Fact]
    public async Task A_named_line_skips_the_lines_before_it()
    {
        var (engine, cage) = await StartedAsync();

        engine.Write("ISOBENCH-CLIENT-UP\nsome log\nISOBENCH-READY port=8080\n");

        var ready = await cage.WaitReadyAsync(Readiness.NamedLine("ISOBENCH-READY"), CancellationToken.None);
        Assert.Equal("ISOBENCH-READY port=8080", ready?.Line);
        Assert.Equal(cage.Output.Lines[2].Arrived, ready?.At);
        await cage.DisposeAsync();
    }

    [Fact]
    public async Task A_line_that_never_comes_is_null_when_the_cage_ends_and_a_timeout_while_it_runs()
    {
        var (engine, cage) = await StartedAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cage.WaitReadyAsync(Readiness.NamedLine("READY"), deadline.Token));
        engine.Write("crashed before ready\n");
        engine.Exit(1);
        Assert.Null(await cage.WaitReadyAsync(Readiness.NamedLine("READY"), CancellationToken.None));
        await cage.DisposeAsync();
    }

    [Fact]
    public async Task A_port_is_ready_once_a_connect_is_accepted_even_when_it_starts_listening_late()
    {
        var (_, cage) = await StartedAsync();
        var port = FreePort();
        var waiting = cage.WaitReadyAsync(Readiness.PortAnswering(new IPEndPoint(IPAddress.Loopback, port)), CancellationToken.None);
        await Task.Delay(50);
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();

        var ready = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(ready);
        Assert.True(ready.Value.At > cage.Clock.StartReturned);
        await cage.DisposeAsync();
    }

    [Fact]
    public async Task A_port_whose_probe_fails_is_not_ready_and_says_against_what()
    {
        var (_, cage) = await StartedAsync();
        var server = new IPEndPoint(IPAddress.Loopback, 9);

        var ex = await Assert.ThrowsAsync<CageNotReadyException>(() => cage.WaitReadyAsync(
            Readiness.PortAnswering(server, (_, _) => throw new SocketException((int)SocketError.ConnectionReset)), CancellationToken.None));

        Assert.StartsWith("client on the host against 127.0.0.1:9: SocketException: ", ex.Message, StringComparison.Ordinal);
        await cage.DisposeAsync();
    }

    [Fact]
    public async Task A_port_never_answering_ends_with_the_callers_token()
    {
        var (_, cage) = await StartedAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            cage.WaitReadyAsync(Readiness.PortAnswering(new IPEndPoint(IPAddress.Loopback, FreePort())), deadline.Token));
        await cage.DisposeAsync();
    }

    private static async Task<(ScriptedEngine Engine, ContainerCage Cage)> StartedAsync()
    {
        var engine = new ScriptedEngine();
        var cage = new ContainerCage(engine, new ContainerSpec { Image = "probe", Labels = new Dictionary<string, string>() });
        await cage.StartAsync(CancellationToken.None);
        return (engine, cage);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
