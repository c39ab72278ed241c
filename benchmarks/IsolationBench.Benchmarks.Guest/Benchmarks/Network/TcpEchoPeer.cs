using System.Net.Sockets;

namespace IsolationBench.Benchmarks.Guest.Benchmarks.Network;

/// <summary>
/// One established loopback TCP connection whose server end echoes every byte back from its own thread: the
/// request/response round trip. Disposing closes the client end, the server reads end-of-stream and stops.
/// </summary>
internal sealed class TcpEchoPeer : IDisposable
{
    private readonly Socket _server;
    private readonly PeerThread _thread;

    private TcpEchoPeer(Socket client, Socket server)
    {
        Client = client;
        _server = server;
        _thread = new PeerThread("isobench-tcp-echo", Serve);
    }

    public Socket Client { get; }

    public static TcpEchoPeer Start()
    {
        var (client, server) = TcpPair.Connect();
        return new TcpEchoPeer(client, server);
    }

    private void Serve()
    {
        var buffer = new byte[4096];
        while (true)
        {
            var received = LoopbackSockets.Receive(_server, buffer, "echo server receive");
            if (received == 0)
            {
                return;
            }

            LoopbackSockets.SendAll(_server, buffer.AsSpan(0, received), "echo server send");
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        _thread.Join();
        _server.Dispose();
    }
}
