using System.Net;
using System.Net.Sockets;

namespace IsolationBench.Benchmarks.Guest.Benchmarks.Network;

/// <summary>
/// A loopback listener whose thread accepts each connection and closes it at once (a FIN): the client, on reading
/// that end-of-stream, knows its connection was accepted. Stopping closes the listener, which ends the blocked accept.
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
        try
        {
            while (true)
            {
                using var accepted = _listener.Accept();
            }
        }
        catch (Exception ex) when (_stopping && ex is SocketException or ObjectDisposedException)
        {
            // Dispose closed the listener: the way this loop ends.
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _listener.Dispose();
        _thread.Join();
    }
}
