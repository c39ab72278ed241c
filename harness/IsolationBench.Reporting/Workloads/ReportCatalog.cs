using IsolationBench.Reporting.Charts;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Workloads;

/// <summary>A chart a workload adds to its report section; it writes nothing (and is not listed) when the run has nothing for it to draw.</summary>
public sealed record WorkloadChart(string Name, Func<RunAnalysis, string, IReadOnlyList<string>> Render);

/// <summary>How one workload reports beyond what every workload gets (its overhead chart, tables and verdicts).</summary>
public sealed record WorkloadReport(string Workload, IReadOnlyList<WorkloadChart> Charts)
{
    /// <summary>The section's own findings, one sentence each, shown under its verdicts; none by default.</summary>
    public Func<RunAnalysis, IReadOnlyList<string>> Findings { get; init; } = _ => [];

    /// <summary>The section's own tables (columns of their own), shown after its charts; none by default.</summary>
    public Func<RunAnalysis, IReadOnlyList<Output.SectionTable>> Tables { get; init; } = _ => [];
}

/// <summary>The reporting layer's one registration of each workload; the report generator and its sections loop over it.</summary>
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
        },
        new(IsolationBench.Results.StartupPhases.RuntimeDirectWorkload,
        [
            new(StartupSplit.StartupSplitChart.Name, StartupSplit.StartupSplitChart.Render),
        ])
        {
            Findings = StartupSplit.StartupSplitSection.Findings,
            Tables = a => [.. StartupSplit.StartupSplitSection.Tables(a), .. StartupSplit.FirstVsWarm.Tables(a, IsolationBench.Results.StartupPhases.RuntimeDirectWorkload)],
        },
        .. GuestWorkloads.Categories.Select(category => new WorkloadReport(category, [])),
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

    /// <summary>The workload's own charts; none for a workload this version does not know (an old or foreign run still reports).</summary>
    public static IReadOnlyList<WorkloadChart> ChartsOf(string workload) =>
        All.FirstOrDefault(r => r.Workload == workload)?.Charts ?? [];

    /// <summary>The workload's own tables on this run; none for a workload this version does not know.</summary>
    public static IReadOnlyList<Output.SectionTable> TablesOf(string workload, RunAnalysis analysis) =>
        All.FirstOrDefault(r => r.Workload == workload)?.Tables(analysis) ?? [];

    /// <summary>The workload's own findings on this run; none for a workload this version does not know.</summary>
    public static IReadOnlyList<string> FindingsOf(string workload, RunAnalysis analysis) =>
        All.FirstOrDefault(r => r.Workload == workload)?.Findings(analysis) ?? [];
}
