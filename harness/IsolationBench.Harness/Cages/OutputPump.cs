using System.Diagnostics;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Cages;

/// <summary>
/// The one pump from a cage's streams into its <see cref="CageOutput"/>: each chunk stamped with the Stopwatch clock as
/// it is read (the startup phases' line boundaries are these stamps), the output completed when the streams end.
/// </summary>
public static class OutputPump
{
    private const int BufferSize = 16 * 1024;

    /// <summary>An engine's attached stream (stdout and stderr multiplexed); completes the output when it ends, however it ends.</summary>
    public static async Task PumpAsync(IContainerOutput stream, CageOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(output);
        var buffer = new byte[BufferSize];
        try
        {
            while (await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) is { } chunk)
            {
                output.Add(buffer.AsSpan(0, chunk.Count), chunk.IsStdErr, Stopwatch.GetTimestamp());
            }
        }
        finally
        {
            output.Complete();
        }
    }

    /// <summary>A process's stdout and stderr, each read on its own; completes the output when both end, however they end.</summary>
    public static async Task PumpAsync(Stream stdout, Stream stderr, CageOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            await Task.WhenAll(PumpOneAsync(stdout, output, false, cancellationToken), PumpOneAsync(stderr, output, true, cancellationToken)).ConfigureAwait(false);
        }
        finally
        {
            output.Complete();
        }
    }

    private static async Task PumpOneAsync(Stream stream, CageOutput output, bool isStdErr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[BufferSize];
        int n;
        while ((n = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            output.Add(buffer.AsSpan(0, n), isStdErr, Stopwatch.GetTimestamp());
        }
    }
}
