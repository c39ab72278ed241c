using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using IsolationBench.Fingerprint;

namespace IsolationBench.Benchmarks.Guest.Serve;

/// <summary>
/// <c>isobench-guest serve --port N [--bind ADDRESS]</c>: the server end of the host↔container workload (network-host),
/// whose client is the harness on the host. Listens, writes "ISOBENCH-READY port=N" and then its isolation fingerprint
/// as one JSON line (the probe's protocol), then serves one connection at a time; each connection's first byte says what
/// it wants: 'E' echo every byte back (the round trip), 'S' + an 8-byte little-endian batch size: read and discard,
/// answer one byte after every batch (bulk; the client's batch is timed until the data arrived), 'Q' stop and exit 0.
/// Sockets with TCP_NODELAY and a timeout on every call; no client for <see cref="IdleTimeout"/> exits 1.
/// </summary>
public static class NetworkServer
{
    public const string ReadyLine = "ISOBENCH-READY";
    public const byte Echo = (byte)'E';
    public const byte Sink = (byte)'S';
    public const byte Quit = (byte)'Q';

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(2);

    public const string Usage = "usage: isobench-guest serve --port N [--bind ADDRESS]";

    /// <summary>Exit codes: 0 told to stop, 1 a failure (no client in time, a socket error), 2 bad command line.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (Parse(args) is not { } endpoint)
        {
            stderr.WriteLine("isobench-guest: " + Usage);
            return 2;
        }

        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(endpoint);
            listener.Listen(4);
        }
        catch (SocketException ex)
        {
            stderr.WriteLine($"isobench-guest: serve: cannot listen on {endpoint} ({ex.SocketErrorCode}: {ex.Message})");
            return 1;
        }

        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        stdout.Write(string.Create(CultureInfo.InvariantCulture, $"{ReadyLine} port={port}\n"));
        stdout.Flush();
        stdout.Write(FingerprintJson.Serialize(FingerprintCollector.Collect()) + "\n");
        stdout.Flush();
        try
        {
            while (true)
            {
                if (!listener.Poll(IdleTimeout, SelectMode.SelectRead))
                {
                    stderr.WriteLine(FormattableString.Invariant($"isobench-guest: serve: no client within {IdleTimeout.TotalSeconds:0} s; exiting"));
                    return 1;
                }

                using var connection = listener.Accept();
                connection.NoDelay = true;
                connection.ReceiveTimeout = connection.SendTimeout = (int)IdleTimeout.TotalMilliseconds;
                if (!Serve(connection))
                {
                    return 0;
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            stderr.WriteLine($"isobench-guest: serve: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>The bind address and port; null for a bad command line.</summary>
    internal static IPEndPoint? Parse(IReadOnlyList<string> args)
    {
        int? port = null;
        var address = IPAddress.Any;
        if (args.Count % 2 != 0)
        {
            return null;
        }

        for (var i = 0; i < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--port" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= IPEndPoint.MaxPort:
                    port = p;
                    break;
                case "--bind" when IPAddress.TryParse(args[i + 1], out var a) && a.AddressFamily == AddressFamily.InterNetwork:
                    address = a;
                    break;
                default:
                    return null;
            }
        }

        return port is { } value ? new IPEndPoint(address, value) : null;
    }

    /// <summary>Serves one connection until its client closes it; false when the client asked to stop.</summary>
    private static bool Serve(Socket connection)
    {
        Span<byte> command = stackalloc byte[1];
        if (connection.Receive(command) == 0)
        {
            return true;
        }

        switch (command[0])
        {
            case Echo:
                EchoAll(connection);
                return true;
            case Sink:
                Span<byte> size = stackalloc byte[8];
                ReceiveExactly(connection, size);
                SinkAll(connection, BinaryPrimitives.ReadInt64LittleEndian(size));
                return true;
            case Quit:
                connection.Send("Q"u8);
                return false;
            default:
                throw new IOException(string.Create(CultureInfo.InvariantCulture, $"unknown command byte {command[0]}"));
        }
    }

    private static void EchoAll(Socket connection)
    {
        var buffer = new byte[4096];
        int received;
        while ((received = connection.Receive(buffer)) > 0)
        {
            SendAll(connection, buffer.AsSpan(0, received));
        }
    }

    private static void SinkAll(Socket connection, long batchBytes)
    {
        if (batchBytes <= 0)
        {
            throw new IOException(string.Create(CultureInfo.InvariantCulture, $"sink batch of {batchBytes} bytes"));
        }

        var buffer = new byte[64 * 1024];
        var pending = batchBytes;
        while (true)
        {
            // Never past the batch: the acknowledgement must follow exactly the batch's last byte.
            var received = connection.Receive(buffer.AsSpan(0, (int)Math.Min(buffer.Length, pending)));
            if (received == 0)
            {
                return;
            }

            pending -= received;
            if (pending == 0)
            {
                SendAll(connection, "A"u8);
                pending = batchBytes;
            }
        }
    }

    private static void ReceiveExactly(Socket socket, Span<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var received = socket.Receive(buffer);
            if (received == 0)
            {
                throw new IOException("the client closed the connection mid-command");
            }

            buffer = buffer[received..];
        }
    }

    private static void SendAll(Socket socket, ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            data = data[socket.Send(data)..];
        }
    }
}
