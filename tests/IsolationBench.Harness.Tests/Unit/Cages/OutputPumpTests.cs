using System.Text;
using IsolationBench.Harness.Cages;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Tests.Unit.Cages;

/// <summary>The one pump: an engine's multiplexed stream or a process's two streams into a cage's output, completed when they end.</summary>
public sealed class OutputPumpTests
{
    [Fact]
    public async Task An_engine_stream_is_demultiplexed_into_lines_and_stderr_and_completes_the_output()
    {
        var engine = new ScriptedEngine();
        using var stream = await engine.AttachAsync("c", CancellationToken.None);
        var output = new CageOutput();
        engine.Write("ISOBENCH-RE");
        engine.Write("oops\n", isStdErr: true);
        engine.Write("ADY\n{}\n");
        engine.Exit(0);

        await OutputPump.PumpAsync(stream, output, CancellationToken.None);

        Assert.Equal(["ISOBENCH-READY", "{}"], output.Lines.Select(l => l.Text));
        Assert.Equal("oops\n", output.StdErr);
        Assert.True(output.IsComplete);
    }

    [Fact]
    public async Task A_stream_that_fails_still_completes_the_output_so_no_waiter_hangs()
    {
        var output = new CageOutput();
        var waiting = output.LineStartingAsync("READY", CancellationToken.None);

        await Assert.ThrowsAsync<IOException>(() => OutputPump.PumpAsync(new BrokenOutput(), output, CancellationToken.None));

        Assert.Null(await waiting);
    }

    [Fact]
    public async Task A_processs_two_streams_fill_one_output()
    {
        var output = new CageOutput();
        using var stdout = new MemoryStream(Encoding.UTF8.GetBytes("one\ntwo\n"));
        using var stderr = new MemoryStream(Encoding.UTF8.GetBytes("warning\n"));

        await OutputPump.PumpAsync(stdout, stderr, output, CancellationToken.None);

        Assert.Equal(["one", "two"], output.Lines.Select(l => l.Text));
        Assert.Equal("warning\n", output.StdErr);
        Assert.True(output.IsComplete);
    }

    private sealed class BrokenOutput : IContainerOutput
    {
        public Task<OutputChunk?> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) => Task.FromException<OutputChunk?>(new IOException("connection reset"));

        public void Dispose()
        {
        }
    }
}
