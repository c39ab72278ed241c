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
    public WorkloadDescriptor Descriptor => WorkloadCatalog.App;

    public HarnessWorkload Harness { get; } = new(
        WorkloadCatalog.App,
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

    public WorkloadReport Report { get; } = new(WorkloadCatalog.App.Name,
    [
        new(AppColdStartChart.Name, AppColdStartChart.Render),
        new(AppLoadChart.Name, AppLoadChart.Render),
    ])
    {
        Findings = AppSection.Findings,
        Tables = AppSection.Tables,
        NotComparable = AppSection.NotComparable,
    };

    public ConsoleTable? Console { get; } = new(WorkloadCatalog.App.Name, AppTable.Write);
}
