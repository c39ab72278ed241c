using IsolationBench.Harness.Workloads;
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
}
