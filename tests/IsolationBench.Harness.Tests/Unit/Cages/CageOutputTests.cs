using System.Text;
using IsolationBench.Harness.Cages;

namespace IsolationBench.Harness.Tests.Unit.Cages;

/// <summary>The one output collector: lines split across chunks, stamped by the chunk that completed them; stderr apart; waiters answered or told the output ended.</summary>
public sealed class CageOutputTests
{
    [Fact]
    public void A_line_split_across_chunks_arrives_with_the_chunk_that_ends_it()
    {
        var output = new CageOutput();

        output.Add("ISOBENCH-"u8, isStdErr: false, arrived: 10);
        Assert.Empty(output.Lines);
        output.Add("READY\r\n{\"a\":1}\nISOBENCH-DO"u8, isStdErr: false, arrived: 20);
        output.Add("NE\n"u8, isStdErr: false, arrived: 30);

        Assert.Equal([new OutputLine("ISOBENCH-READY", 1, 20), new OutputLine("{\"a\":1}", 2, 20), new OutputLine("ISOBENCH-DONE", 3, 30)], output.Lines);
        Assert.Equal(20, output.FirstLineAt);
        Assert.Equal(30, output.FingerprintDoneAt);
        Assert.Equal("ISOBENCH-READY\r\n{\"a\":1}\nISOBENCH-DONE\n", output.StdOut);
    }

    [Fact]
    public void A_character_split_between_two_chunks_is_decoded_whole()
    {
        var output = new CageOutput();
        var bytes = Encoding.UTF8.GetBytes("µs\n");

        output.Add(bytes.AsSpan(0, 1), isStdErr: false, arrived: 1);
        output.Add(bytes.AsSpan(1), isStdErr: false, arrived: 2);

        Assert.Equal("µs", Assert.Single(output.Lines).Text);
    }

    [Fact]
    public void Stderr_is_kept_apart_and_is_no_line_and_its_last_line_is_the_tail()
    {
        var output = new CageOutput();

        output.Add("warming up\n"u8, isStdErr: true, arrived: 1);
        output.Add("ready\n"u8, isStdErr: false, arrived: 2);
        output.Add("boom\n\n"u8, isStdErr: true, arrived: 3);

        Assert.Equal("ready", Assert.Single(output.Lines).Text);
        Assert.Equal("warming up\nboom\n\n", output.StdErr);
        Assert.Equal(": boom", output.Tail());
        Assert.Equal(string.Empty, new CageOutput().Tail());
    }

    [Fact]
    public async Task A_waiter_is_answered_when_its_line_arrives_and_later_waiters_by_what_arrived()
    {
        var output = new CageOutput();
        var waiting = output.LineStartingAsync("DONE", CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        output.Add("noise\nDONE n=3\n"u8, isStdErr: false, arrived: 7);

        Assert.Equal(new OutputLine("DONE n=3", 2, 7), await waiting);
        Assert.Equal("noise", (await output.LineAsync(_ => true, CancellationToken.None))?.Text);
    }

    [Fact]
    public async Task A_line_that_never_arrives_is_null_once_the_output_ended_and_a_partial_line_is_no_line()
    {
        var output = new CageOutput();
        var waiting = output.LineStartingAsync("READY", CancellationToken.None);
        output.Add("READY but no newline"u8, isStdErr: false, arrived: 1);

        output.Complete();

        Assert.Null(await waiting);
        Assert.Null(await output.LineStartingAsync("READY", CancellationToken.None));
        Assert.True(output.IsComplete);
    }

    [Fact]
    public async Task A_line_that_never_arrives_on_an_open_output_ends_with_the_callers_token()
    {
        var output = new CageOutput();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => output.LineStartingAsync("READY", deadline.Token));
    }
}
