using IsolationBench.Reporting.Workloads;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results.Workloads;

namespace IsolationBench.Workloads.App;

/// <summary>
/// The app: the guest image's ASP.NET Core service from create to first response, then a steady load. Never skipped:
/// a mode without a network to publish a port through gets the client inside the container (AppRoute).
/// </summary>
public sealed class AppModule : IWorkloadModule
{
    /// <summary>
    /// A real application: the guest image's ASP.NET Core service from create to its first response, then a steady
    /// closed-loop load; the client on the host through a published port where the mode has a network, else inside the
    /// container over loopback. One container per round and mode. Not in a default run (its containers may get a network).
    /// </summary>
    public static WorkloadDescriptor Workload { get; } = new(
        AppMetrics.Workload,
        "App: ASP.NET Core service, cold start and steady load",
        ["linux", "windows"],
        AppMetrics.ColdStartTotal,
        AppMetrics.Descriptors,
        new SamplingPlan("cold start and load", Warmup: 0, Rounds: 3));

    public WorkloadDescriptor Descriptor => Workload;

    public HarnessWorkload Harness { get; } = new(
        Workload,
        WorkloadPlanning.OwnContainerRounds,
        (_, _) => null,
        async (setup, ct) => new AppExecutor(
            setup.Engine,
            setup.Engine is null ? null : await GuestPreparation.ImageAsync(setup, ct).ConfigureAwait(false),
            setup.WindowsEngine,
            await GuestPreparation.HostBinaryAsync(setup, ct).ConfigureAwait(false),
            setup.Options.Profile,
            setup.Facts))
    {
        StartEarly = (setup, ct) => GuestPreparation.LinuxBase(setup, ct),
        NeedsEngineHost = "connects to the service's port published on this machine's loopback",
        ByDefault = false,
    };

    public WorkloadReport Report { get; } = new(Workload.Name,
    [
        new(AppColdStartChart.Name, AppColdStartChart.Render),
        new(AppLoadChart.Name, AppLoadChart.Render),
    ])
    {
        Descriptor = Workload,
        Findings = AppSection.Findings,
        Tables = AppSection.Tables,
        NotComparable = AppSection.NotComparable,
    };

    public ConsoleTable? Console { get; } = new(Workload.Name, AppTable.Write);
}
