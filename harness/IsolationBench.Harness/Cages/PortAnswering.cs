using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IsolationBench.Harness.Cages;

/// <summary>
/// Ready when a client on the host gets its answer from the server: the moment is taken right after the probe returns.
/// The probe's blocking sockets run on a thread of their own, so the timed call never waits on the thread pool.
/// </summary>
internal sealed class PortAnswering(IPEndPoint server, Action<IPEndPoint, CancellationToken> probe) : IReadiness
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(10);

    public string Awaited => $"an answer on {server}";

    public async Task<ReadySignal?> WaitAsync(ICage cage, CancellationToken cancellationToken)
    {
        try
        {
            var at = await Task.Factory.StartNew(
                () =>
                {
                    probe(server, cancellationToken);
                    return Stopwatch.GetTimestamp();
                },
                cancellationToken,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).ConfigureAwait(false);
            return new ReadySignal(at, string.Empty);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            throw new CageNotReadyException($"client on the host against {server}: {ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    /// <summary>The default probe: a TCP connect accepted, retried while refused until the caller's token ends it.</summary>
    public static void TcpConnect(IPEndPoint server, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.ConnectAsync(server, cancellationToken).AsTask().GetAwaiter().GetResult();
                return;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionRefused or SocketError.TimedOut)
            {
                // Not listening yet.
            }

            cancellationToken.WaitHandle.WaitOne(RetryPause);
        }
    }
}
