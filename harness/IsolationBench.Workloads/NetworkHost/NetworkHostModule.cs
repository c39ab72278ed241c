using IsolationBench.Reporting.Workloads;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results.Workloads;

namespace IsolationBench.Workloads.NetworkHost;

/// <summary>
/// Host ↔ container: the guest image's server behind a port published on 127.0.0.1, the harness as its client. A
/// mode whose runtime has no network is skipped (said on the console and in the report), not refused.
/// </summary>
public sealed class NetworkHostModule : IWorkloadModule
{
    /// <summary>
    /// Host ↔ container: the server in a container of the guest image behind a port published on 127.0.0.1, the client
    /// in the harness; one container per round and mode, several timed iterations inside. Not in a default run (it is
    /// the one workload whose containers get a network).
    /// </summary>
    public static WorkloadDescriptor Workload { get; } = new(
        NetworkHostMetrics.Workload,
        "Network host ↔ container",
        ["linux"],
        NetworkHostMetrics.RoundTrip,
        NetworkHostMetrics.Descriptors,
        new SamplingPlan("client on the host", Warmup: 0, Rounds: 3));

    public WorkloadDescriptor Descriptor => Workload;

    public HarnessWorkload Harness { get; } = new(
        Workload,
        WorkloadPlanning.OwnContainerRounds,
        NetworkHostSupport.Reason,
        async (setup, ct) => new NetworkHostExecutor(
            setup.Engine,
            setup.Engine is null ? null : await GuestPreparation.ImageAsync(setup, ct).ConfigureAwait(false),
            await GuestPreparation.HostBinaryAsync(setup, ct).ConfigureAwait(false),
            setup.Options.Profile))
    {
        StartEarly = (setup, ct) => GuestPreparation.LinuxBase(setup, ct),
        Skips = NetworkHostSupport.Skip,
        NeedsEngineHost = "connects to the container's port on this machine's loopback",
        ByDefault = false,
    };

    public WorkloadReport Report { get; } = new(Workload.Name, [])
    {
        Descriptor = Workload,
        Findings = NetworkHostSection.Findings,
    };

    public ConsoleTable? Console => null;
}
