using IsolationBench.Harness.Workloads;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Workloads.App;
using IsolationBench.Workloads.Density;
using IsolationBench.Workloads.Guest;
using IsolationBench.Workloads.NetworkHost;
using IsolationBench.Workloads.Startup;

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

    /// <summary>What the reporter is given: the modules' report parts (ReportOptions.Workloads).</summary>
    public static readonly IReadOnlyList<WorkloadReport> Reports = [.. All.Select(m => m.Report)];

    /// <summary>The modules' own console tables, in run order.</summary>
    public static readonly IReadOnlyList<ConsoleTable> ConsoleTables = [.. All.Select(m => m.Console).OfType<ConsoleTable>()];
}
