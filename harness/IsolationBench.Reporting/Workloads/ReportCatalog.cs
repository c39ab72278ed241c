using IsolationBench.Reporting.Analysers;
using IsolationBench.Reporting.Charts;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Workloads.Startup;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Workloads;

/// <summary>
/// The reporting layer's one registration of each workload. Nothing reads it directly but <see cref="ReportOptions.Workloads"/>'s
/// default: the analyzer, the analysers, the charts and the sections get the list they are given.
/// </summary>
public static class ReportCatalog
{
    public static readonly IReadOnlyList<WorkloadReport> All =
    [
        new(IsolationBench.Results.StartupPhases.Workload,
        [
            new(ChartNames.StartupPhases, StartupPhasesChart.Render),
            new(ChartNames.StartupDistribution, StartupDistributionChart.Render),
        ])
        {
            Tables = a => StartupSplit.FirstVsWarm.Tables(a, IsolationBench.Results.StartupPhases.Workload),
            HeadlineVerb = "starts",
            NotComparable = StartupComparability.NotComparable,
            MetricOrder = StartupComparability.ReportedOrder,
            UnitIsLifecycle = true,
        },
        new(IsolationBench.Results.StartupPhases.RuntimeDirectWorkload,
        [
            new(StartupSplit.StartupSplitChart.Name, StartupSplit.StartupSplitChart.Render),
        ])
        {
            Findings = StartupSplit.StartupSplitSection.Findings,
            Tables = a => [.. StartupSplit.StartupSplitSection.Tables(a), .. StartupSplit.FirstVsWarm.Tables(a, IsolationBench.Results.StartupPhases.RuntimeDirectWorkload)],
            NotComparable = StartupComparability.NotComparable,
            MetricOrder = StartupComparability.ReportedOrder,
            UnitIsLifecycle = true,
        },
        .. GuestWorkloads.Categories.Select(Guest),
        new(NetworkHostMetrics.Workload, [])
        {
            Findings = Network.NetworkHostSection.Findings,
        },
        new(AppMetrics.Workload,
        [
            new(App.AppColdStartChart.Name, App.AppColdStartChart.Render),
            new(App.AppLoadChart.Name, App.AppLoadChart.Render),
        ])
        {
            Findings = App.AppSection.Findings,
            Tables = App.AppSection.Tables,
            NotComparable = App.AppSection.NotComparable,
        },
        new(DensityMetrics.Workload,
        [
            new(Density.DensityMemoryChart.Name, Density.DensityMemoryChart.Render),
            new(Density.DensityHostMemoryChart.Name, Density.DensityHostMemoryChart.Render),
            new(Density.DensityLatencyChart.Name, Density.DensityLatencyChart.Render),
            new(Density.DensityLaunchChart.Name, Density.DensityLaunchChart.Render),
        ])
        {
            Findings = Density.DensitySection.Findings,
        },
    ];

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

    // The guest categories are one guest workload in four instances; three of them bring an analyser of their own.
    private static WorkloadReport Guest(string category) => category switch
    {
        Io.IoFindings.Workload => new(category, []) { Analysers = [new IoRefereeAnalyser()] },
        Network.NetworkFindings.Workload => new(category, []) { Analysers = [new NetworkRefereeAnalyser()] },
        "cpu" => new(category, []) { IsHostNoiseControl = true, Analysers = [new HostNoiseAnalyser()] },
        _ => new(category, []),
    };
}
