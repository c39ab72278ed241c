using IsolationBench.Results;
namespace IsolationBench.Workloads.NetworkHost;

/// <summary>
/// The host↔container workload's metrics: the server runs in the container (or, for the host baseline, as a host
/// process), the client in the harness on the host, over a port published on 127.0.0.1. The one definition; the harness
/// writes these and the reports read them.
/// </summary>
public static class NetworkHostMetrics
{
    public const string Workload = "network-host";

    /// <summary>One 1-byte request from the host and its 1-byte reply, in ns per round trip.</summary>
    public const string RoundTrip = "TcpRoundTrip1B";

    /// <summary>64 KiB sends from the host, timed until the server acknowledged each 1 MiB batch, in MB/s (MB = 10⁶ bytes).</summary>
    public const string Bulk = "TcpBulk64KiB";

    public static readonly IReadOnlyList<MetricDescriptor> Descriptors =
    [
        new(Workload, RoundTrip, "TCP round trip host↔container (1 byte)", Units.NanosecondsPerOp, MetricDirection.LowerIsBetter),
        new(Workload, Bulk, "TCP bulk host→container (64 KiB writes)", Units.MegabytesPerSecond, MetricDirection.HigherIsBetter),
    ];
}
