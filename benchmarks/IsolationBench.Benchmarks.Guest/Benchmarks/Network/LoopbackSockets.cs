using System.Net;
using System.Net.Sockets;

namespace IsolationBench.Benchmarks.Guest.Benchmarks.Network;

/// <summary>
/// The sockets the network benchmarks use: IPv4 loopback only, every blocking operation bounded by a timeout, so a
/// cage whose loopback drops or stalls traffic fails its cell with a reason instead of hanging until the harness
/// kills the container.
/// </summary>
internal static class LoopbackSockets
{
    /// <summary>The client's bound on one blocking operation: loopback answers in micro- to milliseconds even under ptrace.</summary>
    public static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The server side's bound: longer than the client's, because a server waits across BenchmarkDotNet's pauses between
    /// iterations; when the client gives up first its message names the operation that stalled.
    /// </summary>
    public static readonly TimeSpan PeerTimeout = TimeSpan.FromSeconds(60);

    public static Socket Tcp(TimeSpan timeout)
    {
        // NoDelay: a 1-byte request must leave now, not wait for Nagle to coalesce it with the next one.
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        return WithTimeout(socket, timeout);
    }

    public static Socket Udp(TimeSpan timeout) =>
        WithTimeout(new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp), timeout);

    /// <summary>Binds to 127.0.0.1 on a port the stack picks; a cage without a loopback interface fails here, by name.</summary>
    public static void BindLoopback(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        }
        catch (SocketException ex)
        {
            throw new InvalidOperationException($"no usable loopback in this cage: bind to 127.0.0.1 failed ({ex.SocketErrorCode}: {ex.Message})", ex);
        }
    }

    public static Socket Listener(int backlog)
    {
        var listener = Tcp(PeerTimeout);
        BindLoopback(listener);
        listener.Listen(backlog);
        return listener;
    }

    public static void SendAll(Socket socket, ReadOnlySpan<byte> data, string what)
    {
        ArgumentNullException.ThrowIfNull(socket);
        while (!data.IsEmpty)
        {
            try
            {
                data = data[socket.Send(data)..];
            }
            catch (SocketException ex) when (IsTimeout(ex))
            {
                throw Timeout(what, socket, ex);
            }
        }
    }

    /// <summary>Fills <paramref name="buffer"/>; the peer closing first is a protocol failure, not a short read.</summary>
    public static void ReceiveExactly(Socket socket, Span<byte> buffer, string what)
    {
        ArgumentNullException.ThrowIfNull(socket);
        while (!buffer.IsEmpty)
        {
            var received = Receive(socket, buffer, what);
            if (received == 0)
            {
                throw new IOException($"loopback {what}: the peer closed the connection");
            }

            buffer = buffer[received..];
        }
    }

    public static int Receive(Socket socket, Span<byte> buffer, string what)
    {
        ArgumentNullException.ThrowIfNull(socket);
        try
        {
            return socket.Receive(buffer);
        }
        catch (SocketException ex) when (IsTimeout(ex))
        {
            throw Timeout(what, socket, ex);
        }
    }

    public static void Connect(Socket socket, EndPoint endpoint, string what)
    {
        ArgumentNullException.ThrowIfNull(socket);
        try
        {
            socket.Connect(endpoint);
        }
        catch (SocketException ex) when (IsTimeout(ex) || ex.SocketErrorCode == SocketError.InProgress)
        {
            // Linux bounds a blocking connect by SO_SNDTIMEO and reports its expiry as EINPROGRESS.
            throw Timeout(what, socket, ex);
        }
    }

    private static Socket WithTimeout(Socket socket, TimeSpan timeout)
    {
        socket.SendTimeout = (int)timeout.TotalMilliseconds;
        socket.ReceiveTimeout = (int)timeout.TotalMilliseconds;
        return socket;
    }

    private static bool IsTimeout(SocketException ex) => ex.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock;

    private static TimeoutException Timeout(string what, Socket socket, SocketException ex) =>
        new(FormattableString.Invariant($"loopback {what}: no answer within {socket.ReceiveTimeout / 1000.0:0.###} s ({ex.SocketErrorCode}); this cage's loopback stalls"), ex);
}
