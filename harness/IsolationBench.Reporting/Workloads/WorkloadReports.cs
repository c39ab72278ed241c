using IsolationBench.Reporting.Analysers;
using IsolationBench.Reporting.Charts;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Workloads;

/// <summary>
/// Lookups in the workloads' report parts a report is given (<see cref="ReportOptions.Workloads"/>, made by each workload's
/// module in IsolationBench.Workloads): the analyzer, the analysers, the charts and the sections read the list they are given.
/// </summary>
public static class WorkloadReports
{
    /// <summary>The registration of <paramref name="workload"/> in <paramref name="workloads"/>; null for a workload this version does not know (an old or foreign run still reports).</summary>
    public static WorkloadReport? Find(IReadOnlyList<WorkloadReport> workloads, string workload)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        return workloads.FirstOrDefault(r => r.Workload == workload);
    }

    /// <summary>The workload's own charts; none for a workload the list does not know.</summary>
    public static IReadOnlyList<WorkloadChart> ChartsOf(IReadOnlyList<WorkloadReport> workloads, string workload) =>
        Find(workloads, workload)?.Charts ?? [];

    /// <summary>The workload's own tables on this run; none for a workload the list does not know.</summary>
    public static IReadOnlyList<Output.SectionTable> TablesOf(IReadOnlyList<WorkloadReport> workloads, string workload, RunAnalysis analysis) =>
        Find(workloads, workload)?.Tables(analysis) ?? [];

    /// <summary>The workload's own findings on this run; none for a workload the list does not know.</summary>
    public static IReadOnlyList<string> FindingsOf(IReadOnlyList<WorkloadReport> workloads, string workload, RunAnalysis analysis) =>
        Find(workloads, workload)?.Findings(analysis) ?? [];
}
