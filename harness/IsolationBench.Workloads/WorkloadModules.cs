using IsolationBench.Results.Workloads;
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

    /// <summary>Every module's descriptor, in run order (what a run writes into manifest.json).</summary>
    public static readonly IReadOnlyList<WorkloadDescriptor> Descriptors = [.. All.Select(m => m.Descriptor)];

    /// <summary>The descriptor of the workload so named; null for a name this version does not know.</summary>
    public static WorkloadDescriptor? Descriptor(string name) => Descriptors.FirstOrDefault(d => d.Name == name);

    /// <summary>What the harness runs: the modules' harness parts.</summary>
    public static readonly WorkloadRegistry Registry = new(All.Select(m => m.Harness));

    /// <summary>What the reporter is given: the modules' report parts (ReportOptions.Workloads).</summary>
    public static readonly IReadOnlyList<WorkloadReport> Reports = [.. All.Select(m => m.Report)];

    /// <summary>The modules' own console tables, in run order.</summary>
    public static readonly IReadOnlyList<ConsoleTable> ConsoleTables = [.. All.Select(m => m.Console).OfType<ConsoleTable>()];
}
