using System.Net.Sockets;

namespace IsolationBench.Benchmarks.Guest.Benchmarks.Network;

/// <summary>
/// Before the network benchmarks: one TCP byte and one UDP datagram over 127.0.0.1, each step bounded by a short
/// timeout. A cage without a working loopback then fails its network cell with this one line, instead of four
/// benchmarks failing without a reason (the in-process toolchain keeps a benchmark's exception out of the log).
/// </summary>
internal static class LoopbackCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Null when loopback carries TCP and UDP; otherwise what failed, for the cell's failure line.</summary>
    public static string? Problem()
    {
        try
        {
            CheckTcp();
            CheckUdp();
            return null;
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException or IOException or InvalidOperationException)
        {
            var code = ex is SocketException socket ? $" ({socket.SocketErrorCode})" : string.Empty;
            return $"no working loopback in this cage: {ex.Message}{code}";
        }
    }

    private static void CheckTcp()
    {
        var (client, server) = TcpPair.Connect(Timeout);
        using (client)
        using (server)
        {
            server.ReceiveTimeout = (int)Timeout.TotalMilliseconds;
            LoopbackSockets.SendAll(client, [1], "check: tcp send");
            LoopbackSockets.ReceiveExactly(server, new byte[1], "check: tcp receive");
        }
    }

    private static void CheckUdp()
    {
        using var a = LoopbackSockets.Udp(Timeout);
        using var b = LoopbackSockets.Udp(Timeout);
        LoopbackSockets.BindLoopback(a);
        LoopbackSockets.BindLoopback(b);
        a.SendTo(new byte[1], b.LocalEndPoint!);
        LoopbackSockets.Receive(b, new byte[1], "check: udp receive");
    }
}
