using IsolationBench.Harness.Workloads;
using IsolationBench.Workloads.App;
using IsolationBench.Workloads.Density;
using IsolationBench.Workloads.Guest;
using IsolationBench.Workloads.NetworkHost;
using IsolationBench.Workloads.Startup;
using IsolationBench.Workloads.StartupRuntime;

namespace IsolationBench.Workloads;

/// <summary>
/// The one list of workloads, in the order runs and reports list them. Adding a workload is a folder beside these and
/// one line here (and a guest verb, if it runs code in the guest image).
/// </summary>
public static class WorkloadModules
{
    public static readonly IReadOnlyList<IWorkloadModule> All =
    [
        new StartupModule(),
        new StartupRuntimeModule(),
        .. GuestModule.All,
        new NetworkHostModule(),
        new AppModule(),
        new DensityModule(),
    ];

    /// <summary>What the harness runs: the modules' harness parts.</summary>
    public static readonly WorkloadRegistry Registry = new(All.Select(m => m.Harness));
}
