using System.Net.Sockets;

namespace IsolationBench.Benchmarks.Guest.Benchmarks.Network;

/// <summary>
/// One established loopback TCP connection whose server end reads and discards, and answers one byte after every
/// <c>batchBytes</c> received: the client's batch is timed until the data has arrived, not only until it sat in the
/// send buffer.
/// </summary>
internal sealed class TcpSinkPeer : IDisposable
{
    private readonly Socket _server;
    private readonly long _batchBytes;
    private readonly PeerThread _thread;

    private TcpSinkPeer(Socket client, Socket server, long batchBytes)
    {
        Client = client;
        _server = server;
        _batchBytes = batchBytes;
        _thread = new PeerThread("isobench-tcp-sink", Serve);
    }

    public Socket Client { get; }

    public static TcpSinkPeer Start(long batchBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchBytes);
        var (client, server) = TcpPair.Connect();
        return new TcpSinkPeer(client, server, batchBytes);
    }

    private void Serve()
    {
        var buffer = new byte[64 * 1024];
        ReadOnlySpan<byte> ack = [1];
        var pending = _batchBytes;
        while (true)
        {
            // Never past the batch: the acknowledgement must follow exactly the batch's last byte.
            var received = LoopbackSockets.Receive(_server, buffer.AsSpan(0, (int)Math.Min(buffer.Length, pending)), "sink receive");
            if (received == 0)
            {
                return;
            }

            pending -= received;
            if (pending == 0)
            {
                LoopbackSockets.SendAll(_server, ack, "sink acknowledgement");
                pending = _batchBytes;
            }
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        _thread.Join();
        _server.Dispose();
    }
}
