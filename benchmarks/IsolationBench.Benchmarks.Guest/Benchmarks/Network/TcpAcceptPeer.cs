using System.Net;
using System.Net.Sockets;

namespace IsolationBench.Benchmarks.Guest.Benchmarks.Network;

/// <summary>
/// A loopback listener whose thread accepts each connection and closes it at once (a FIN): the client, on reading
/// that end-of-stream, knows its connection was accepted. Stopping sets a flag and makes one last connection so the
/// blocked accept returns.
/// </summary>
internal sealed class TcpAcceptPeer : IDisposable
{
    private readonly Socket _listener;
    private readonly PeerThread _thread;
    private volatile bool _stopping;

    private TcpAcceptPeer(Socket listener)
    {
        _listener = listener;
        EndPoint = listener.LocalEndPoint!;
        _thread = new PeerThread("isobench-tcp-accept", Serve);
    }

    public EndPoint EndPoint { get; }

    public static TcpAcceptPeer Start() => new(LoopbackSockets.Listener(backlog: 64));

    private void Serve()
    {
        while (!_stopping)
        {
            using var accepted = _listener.Accept();
        }
    }

    public void Dispose()
    {
        _stopping = true;
        try
        {
            using var wake = LoopbackSockets.Tcp(LoopbackSockets.OperationTimeout);
            wake.Connect(EndPoint);
        }
        catch (SocketException)
        {
            // The accept thread already ended (its reason is on stderr); nothing to wake.
        }

        _thread.Join();
        _listener.Dispose();
    }
}
