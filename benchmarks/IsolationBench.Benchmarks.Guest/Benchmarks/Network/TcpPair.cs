using System.Net.Sockets;

namespace IsolationBench.Benchmarks.Guest.Benchmarks.Network;

/// <summary>An established loopback TCP connection, both ends in this process; the listener is closed once it accepted.</summary>
internal static class TcpPair
{
    public static (Socket Client, Socket Server) Connect() => Connect(LoopbackSockets.OperationTimeout);

    public static (Socket Client, Socket Server) Connect(TimeSpan clientTimeout)
    {
        using var listener = LoopbackSockets.Listener(backlog: 1);
        var client = LoopbackSockets.Tcp(clientTimeout);
        try
        {
            LoopbackSockets.Connect(client, listener.LocalEndPoint!, "connect");
            var server = listener.Accept();
            server.NoDelay = true;
            server.SendTimeout = server.ReceiveTimeout = (int)LoopbackSockets.PeerTimeout.TotalMilliseconds;
            return (client, server);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
