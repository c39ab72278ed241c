using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting;
using IsolationBench.Results;

namespace IsolationBench.Workloads.NetworkHost;

/// <summary>What the host↔container section must say beside its tables: the topology each side measured, and the modes left out with why.</summary>
public static class NetworkHostSection
{
    public const string Topology =
        "Topology: the server (isobench-guest serve) runs in the container, on the engine's default network with its port published on the host's 127.0.0.1 (Docker's bridge; a connection to 127.0.0.1 passes its userland proxy, docker-proxy); "
        + "the client is the harness on the host. The host baseline is the same client and the same server, both host processes, over the host's loopback: a ratio is what the cage and its network path cost together. "
        + "These are the only containers of the run with a network; every other cell runs with none.";

    public static IReadOnlyList<string> Findings(RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return
        [
            Topology,
            .. analysis.Manifest.Skipped.Where(s => s.Workload == NetworkHostMetrics.Workload).Select(s => $"{s.Mode}: skipped — {s.Reason}"),
        ];
    }
}
