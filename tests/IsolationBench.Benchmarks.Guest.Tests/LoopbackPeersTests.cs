using System.Net.Sockets;
using IsolationBench.Benchmarks.Guest.Benchmarks.Network;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

/// <summary>The network benchmarks' servers and their failure mode, on this machine's loopback (no benchmark is run).</summary>
public sealed class LoopbackPeersTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void TheLoopbackCheckPassesWhereLoopbackWorks() => Assert.Null(LoopbackCheck.Problem());

    [Fact]
    public void AStalledPeerIsATimeoutThatNamesTheOperationNotAHang()
    {
        var (client, server) = TcpPair.Connect(Short);
        using (client)
        using (server)
        {
            var buffer = new byte[1];

            // The server never answers: the receive must end, with the operation's name in the message.
            var ex = Assert.Throws<TimeoutException>(() => LoopbackSockets.ReceiveExactly(client, buffer, "tcp round trip reply"));

            Assert.Contains("loopback tcp round trip reply: no answer within 0.3 s", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AClosedPeerIsAProtocolFailureNotAShortRead()
    {
        var (client, server) = TcpPair.Connect(Short);
        using (client)
        {
            server.Dispose();

            Assert.Throws<IOException>(() => LoopbackSockets.ReceiveExactly(client, new byte[1], "reply"));
        }
    }

    [Fact]
    public void TheEchoPeerReturnsEveryByteItGets()
    {
        using var echo = TcpEchoPeer.Start();
        byte[] sent = [7, 8, 9];
        var back = new byte[3];

        LoopbackSockets.SendAll(echo.Client, sent, "send");
        LoopbackSockets.ReceiveExactly(echo.Client, back, "reply");

        Assert.Equal(sent, back);
    }

    [Fact]
    public void TheSinkAcknowledgesExactlyAfterTheWholeBatch()
    {
        using var sink = TcpSinkPeer.Start(batchBytes: 1000);

        LoopbackSockets.SendAll(sink.Client, new byte[999], "send");
        Assert.False(sink.Client.Poll(Short, SelectMode.SelectRead), "acknowledged before the batch's last byte");

        LoopbackSockets.SendAll(sink.Client, new byte[1], "send");
        var ack = new byte[1];
        LoopbackSockets.ReceiveExactly(sink.Client, ack, "ack");
        Assert.Equal(1, ack[0]);

        // The next batch starts from zero: 1000 more bytes, one more acknowledgement, and nothing extra.
        LoopbackSockets.SendAll(sink.Client, new byte[1000], "send");
        LoopbackSockets.ReceiveExactly(sink.Client, ack, "ack");
        Assert.False(sink.Client.Poll(Short, SelectMode.SelectRead));
    }

    [Fact]
    public void EachConnectionIsAcceptedAndClosedByTheServerAndStoppingFreesThePort()
    {
        var acceptor = TcpAcceptPeer.Start();
        var endpoint = acceptor.EndPoint;
        for (var i = 0; i < 3; i++)
        {
            using var client = LoopbackSockets.Tcp(LoopbackSockets.OperationTimeout);
            LoopbackSockets.Connect(client, endpoint, "connect");
            Assert.Equal(0, LoopbackSockets.Receive(client, new byte[1], "end of stream"));
        }

        acceptor.Dispose();

        using var late = LoopbackSockets.Tcp(LoopbackSockets.OperationTimeout);
        Assert.Equal(SocketError.ConnectionRefused, Assert.Throws<SocketException>(() => late.Connect(endpoint)).SocketErrorCode);
    }

    [Fact]
    public void TheUdpPeerEchoesDatagramsOfItsSizeAndStopsAtAnyOther()
    {
        var udp = UdpEchoPeer.Start(datagramBytes: 64);
        var datagram = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();
        var reply = new byte[65];

        udp.Client.Send(datagram);
        Assert.Equal(64, LoopbackSockets.Receive(udp.Client, reply, "udp reply"));
        Assert.Equal(datagram, reply[..64]);

        udp.Client.Send(new byte[10]);
        udp.Client.ReceiveTimeout = (int)Short.TotalMilliseconds;
        Assert.Throws<TimeoutException>(() => LoopbackSockets.Receive(udp.Client, reply, "udp reply"));
        udp.Dispose();
    }
}
