using IsolationBench.Harness;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IsolationBench.Results;

namespace IsolationBench.Workloads.NetworkHost;

/// <summary>How much the client measures per container: iterations are timed, warm-ups first and discarded.</summary>
public sealed record ClientPlan(int Warmups, int Iterations, int RoundTripsPerIteration, int BatchesPerIteration)
{
    /// <summary>The profile's plan: the container is the unit, so a few iterations per container are enough for its median.</summary>
    public static ClientPlan For(string profile) => profile switch
    {
        "smoke" => new ClientPlan(1, 2, 100, 4),
        "quick" => new ClientPlan(2, 5, 1_000, 64),
        "thorough" => new ClientPlan(3, 20, 1_000, 64),
        _ => new ClientPlan(2, 10, 1_000, 64),
    };
}

/// <summary>One timed iteration of one metric.</summary>
public sealed record ClientFigure(string Metric, string Unit, int Iteration, double Value);

/// <summary>
/// The client of the host↔container workload: it runs in the harness, on the host, against `isobench-guest serve`
/// (its protocol: a first byte 'E' echo, 'S' + 8-byte batch size sink, 'Q' stop). Blocking sockets with TCP_NODELAY and a
/// timeout on every call, timed with Stopwatch: <see cref="NetworkHostMetrics.RoundTrip"/> is one 1-byte request and its
/// reply (ns per round trip over an iteration of many); <see cref="NetworkHostMetrics.Bulk"/> is batches of 16 × 64 KiB
/// sends, each batch timed until the server acknowledged its last byte, as the loopback benchmark does (MB = 10⁶ bytes).
/// </summary>
public static class HostClient
{
    public const int WriteBytes = 64 * 1024;
    public const int WritesPerBatch = 16;
    public const long BatchBytes = (long)WriteBytes * WritesPerBatch;

    private const byte Echo = (byte)'E';
    private const byte Sink = (byte)'S';
    private const byte Quit = (byte)'Q';

    public static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Round trips, then bulk, on connections of their own; warm-ups are run and not returned.</summary>
    public static IReadOnlyList<ClientFigure> Measure(IPEndPoint server, ClientPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(plan);
        var figures = new List<ClientFigure>();
        using (var echo = Connect(server, Echo, []))
        {
            Span<byte> one = [1];
            for (var i = 1 - plan.Warmups; i <= plan.Iterations; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = Stopwatch.GetTimestamp();
                for (var n = 0; n < plan.RoundTripsPerIteration; n++)
                {
                    SendAll(echo, one);
                    ReceiveExactly(echo, one, "round trip reply");
                }

                var elapsed = Stopwatch.GetElapsedTime(start);
                if (i >= 1)
                {
                    figures.Add(new ClientFigure(NetworkHostMetrics.RoundTrip, Units.NanosecondsPerOp, i, elapsed.TotalNanoseconds / plan.RoundTripsPerIteration));
                }
            }
        }

        var size = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(size, BatchBytes);
        using (var sink = Connect(server, Sink, size))
        {
            var payload = new byte[WriteBytes];
            Random.Shared.NextBytes(payload);
            Span<byte> ack = [0];
            for (var i = 1 - plan.Warmups; i <= plan.Iterations; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = Stopwatch.GetTimestamp();
                for (var b = 0; b < plan.BatchesPerIteration; b++)
                {
                    for (var w = 0; w < WritesPerBatch; w++)
                    {
                        SendAll(sink, payload);
                    }

                    ReceiveExactly(sink, ack, "bulk acknowledgement");
                }

                var elapsed = Stopwatch.GetElapsedTime(start);
                if (i >= 1)
                {
                    figures.Add(new ClientFigure(NetworkHostMetrics.Bulk, Units.MegabytesPerSecond, i, plan.BatchesPerIteration * BatchBytes / elapsed.TotalSeconds / 1e6));
                }
            }
        }

        return figures;
    }

    /// <summary>Tells the server to stop (it then exits 0).</summary>
    public static void Stop(IPEndPoint server)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var socket = Connect(server, Quit, []);
        Span<byte> reply = [0];
        _ = socket.Receive(reply); // 'Q', or the end of the stream: either way it is stopping.
    }

    private static Socket Connect(IPEndPoint server, byte command, ReadOnlySpan<byte> arguments)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            SendTimeout = (int)OperationTimeout.TotalMilliseconds,
            ReceiveTimeout = (int)OperationTimeout.TotalMilliseconds,
        };
        try
        {
            socket.Connect(server);
            SendAll(socket, [command]);
            SendAll(socket, arguments);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void SendAll(Socket socket, ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            data = data[socket.Send(data)..];
        }
    }

    private static void ReceiveExactly(Socket socket, Span<byte> buffer, string what)
    {
        while (!buffer.IsEmpty)
        {
            var received = socket.Receive(buffer);
            if (received == 0)
            {
                throw new IOException($"the server closed the connection before the {what}");
            }

            buffer = buffer[received..];
        }
    }
}
