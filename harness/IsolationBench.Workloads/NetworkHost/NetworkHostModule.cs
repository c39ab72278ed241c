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
    public WorkloadDescriptor Descriptor => WorkloadCatalog.NetworkHost;

    public HarnessWorkload Harness { get; } = new(
        WorkloadCatalog.NetworkHost,
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

    public WorkloadReport Report { get; } = new(WorkloadCatalog.NetworkHost.Name, [])
    {
        Findings = NetworkHostSection.Findings,
    };

    public ConsoleTable? Console => null;
}
