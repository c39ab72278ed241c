using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using IsolationBench.Benchmarks.Guest.Benchmarks.Network;

namespace IsolationBench.Benchmarks.Guest.Benchmarks;

/// <summary>
/// The cage's own network stack over IPv4 loopback (127.0.0.1): the host kernel's for runc/crun and Windows process
/// isolation, gVisor's netstack for runsc, the utility VM's kernel for Hyper-V. Containers run with networking off,
/// which still leaves loopback. Real sockets, blocking calls, no HTTP and no pooling in the timed path; each server
/// runs on its own thread, set up before timing and stopped after it. Every socket operation has a timeout, so a
/// stalled loopback fails the benchmark with a message instead of hanging the container.
/// </summary>
[BenchmarkCategory(GuestCategories.Network)]
public class NetworkBenchmarks
{
    private const int RoundTrips = 100;
    private const int Connections = 100;
    private const int BulkWriteBytes = 64 * 1024;
    private const int BulkWrites = 16;
    private const int DatagramBytes = 64;

    private readonly byte[] _payload = new byte[BulkWriteBytes];
    private readonly byte[] _reply = new byte[BulkWriteBytes];
    private TcpEchoPeer? _echo;
    private TcpSinkPeer? _sink;
    private TcpAcceptPeer? _acceptor;
    private UdpEchoPeer? _udp;

    [GlobalSetup(Target = nameof(TcpRoundTrip1B))]
    public void SetupTcpRoundTrip() => _echo = TcpEchoPeer.Start();

    [GlobalSetup(Target = nameof(TcpBulk64KiB))]
    public void SetupTcpBulk()
    {
        Random.Shared.NextBytes(_payload);
        _sink = TcpSinkPeer.Start((long)BulkWrites * BulkWriteBytes);
    }

    [GlobalSetup(Target = nameof(TcpConnectAcceptClose))]
    public void SetupTcpConnect() => _acceptor = TcpAcceptPeer.Start();

    [GlobalSetup(Target = nameof(UdpRoundTrip64B))]
    public void SetupUdpRoundTrip() => _udp = UdpEchoPeer.Start(DatagramBytes);

    [Benchmark(OperationsPerInvoke = RoundTrips)]
    [ReportedUnit("ns/op", Better.Lower, OpsPerInvoke = RoundTrips, CacheNote = "one op = 1-byte TCP request and 1-byte reply over loopback (TCP_NODELAY, echo on a second thread): two sends, two receives, two wake-ups")]
    public int TcpRoundTrip1B()
    {
        var client = _echo!.Client;
        Span<byte> one = [1];
        var sum = 0;
        for (var i = 0; i < RoundTrips; i++)
        {
            LoopbackSockets.SendAll(client, one, "tcp round trip send");
            LoopbackSockets.ReceiveExactly(client, one, "tcp round trip reply");
            sum += one[0];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = BulkWrites)]
    [ReportedUnit("MB/s", Better.Higher, BytesPerOp = BulkWriteBytes, OpsPerInvoke = BulkWrites, CacheNote = "one op = one 64 KiB send over loopback TCP to a reader that discards; each batch of 16 (1 MiB) is timed until the reader acknowledged its last byte")]
    public int TcpBulk64KiB()
    {
        var client = _sink!.Client;
        for (var i = 0; i < BulkWrites; i++)
        {
            LoopbackSockets.SendAll(client, _payload, "tcp bulk send");
        }

        LoopbackSockets.ReceiveExactly(client, _reply.AsSpan(0, 1), "tcp bulk acknowledgement");
        return _reply[0];
    }

    [Benchmark(OperationsPerInvoke = Connections)]
    [ReportedUnit("ops/s", Better.Higher, OpsPerInvoke = Connections, CacheNote = "connections/s: one op = new socket, connect to 127.0.0.1, server accept and close, client reads the end-of-stream and closes with RST (SO_LINGER 0, so no TIME_WAIT piles up)")]
    public int TcpConnectAcceptClose()
    {
        var endpoint = _acceptor!.EndPoint;
        Span<byte> eof = [0];
        var sum = 0;
        for (var i = 0; i < Connections; i++)
        {
            using var client = LoopbackSockets.Tcp(LoopbackSockets.OperationTimeout);
            client.LingerState = new LingerOption(true, 0);
            LoopbackSockets.Connect(client, endpoint, "tcp connect");
            // End-of-stream means the server accepted and closed: the accept is inside the operation.
            sum += LoopbackSockets.Receive(client, eof, "tcp accepted connection's close");
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = RoundTrips)]
    [ReportedUnit("ns/op", Better.Lower, OpsPerInvoke = RoundTrips, CacheNote = "one op = 64-byte UDP datagram and its echo between two connected loopback sockets (echo on a second thread)")]
    public int UdpRoundTrip64B()
    {
        var client = _udp!.Client;
        var datagram = _payload.AsSpan(0, DatagramBytes);
        var reply = _reply.AsSpan(0, DatagramBytes + 1);
        var sum = 0;
        for (var i = 0; i < RoundTrips; i++)
        {
            client.Send(datagram);
            sum += LoopbackSockets.Receive(client, reply, "udp round trip reply");
        }

        return sum;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _echo?.Dispose();
        _sink?.Dispose();
        _acceptor?.Dispose();
        _udp?.Dispose();
        _echo = null;
        _sink = null;
        _acceptor = null;
        _udp = null;
    }
}
