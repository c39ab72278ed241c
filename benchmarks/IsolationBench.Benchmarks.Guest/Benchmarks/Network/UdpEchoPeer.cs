using System.Net.Sockets;

namespace IsolationBench.Benchmarks.Guest.Benchmarks.Network;

/// <summary>
/// Two connected loopback UDP sockets; the server one echoes every datagram of <c>datagramBytes</c> from its own
/// thread and stops at a datagram of any other size. A lost datagram shows as the client's receive timeout.
/// </summary>
internal sealed class UdpEchoPeer : IDisposable
{
    private readonly Socket _server;
    private readonly int _datagramBytes;
    private readonly PeerThread _thread;

    private UdpEchoPeer(Socket client, Socket server, int datagramBytes)
    {
        Client = client;
        _server = server;
        _datagramBytes = datagramBytes;
        _thread = new PeerThread("isobench-udp-echo", Serve);
    }

    public Socket Client { get; }

    public static UdpEchoPeer Start(int datagramBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(datagramBytes);
        var client = LoopbackSockets.Udp(LoopbackSockets.OperationTimeout);
        var server = LoopbackSockets.Udp(LoopbackSockets.PeerTimeout);
        try
        {
            LoopbackSockets.BindLoopback(client);
            LoopbackSockets.BindLoopback(server);
            // Connected both ways: send/recv without an address per datagram, and nothing else can be received.
            client.Connect(server.LocalEndPoint!);
            server.Connect(client.LocalEndPoint!);
            return new UdpEchoPeer(client, server, datagramBytes);
        }
        catch
        {
            client.Dispose();
            server.Dispose();
            throw;
        }
    }

    private void Serve()
    {
        var buffer = new byte[_datagramBytes + 1];
        while (true)
        {
            var received = LoopbackSockets.Receive(_server, buffer, "udp echo receive");
            if (received != _datagramBytes)
            {
                return;
            }

            _server.Send(buffer.AsSpan(0, received));
        }
    }

    public void Dispose()
    {
        try
        {
            Client.Send([0]);
        }
        catch (SocketException)
        {
            // The stop datagram cannot be sent: closing the server socket ends its blocked receive instead.
            _server.Dispose();
        }

        _thread.Join();
        Client.Dispose();
        _server.Dispose();
    }
}
