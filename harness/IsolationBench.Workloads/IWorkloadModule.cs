using IsolationBench.Harness.Workloads;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Results.Workloads;

namespace IsolationBench.Workloads;

/// <summary>
/// A workload as one unit: its data (the descriptor written into manifest.json), its harness parts (support, skips,
/// options, planning, executor) and its report parts. Implemented once per workload folder and listed once in
/// <see cref="WorkloadModules.All"/>; nothing outside the folder names the workload.
/// </summary>
public interface IWorkloadModule
{
    WorkloadDescriptor Descriptor { get; }

    HarnessWorkload Harness { get; }

    /// <summary>What it brings to the report beyond what every workload gets: charts, tables, findings, rules, analysers.</summary>
    WorkloadReport Report { get; }

    /// <summary>Its own end-of-run console table; null: it goes into the generic table.</summary>
    ConsoleTable? Console { get; }
}
