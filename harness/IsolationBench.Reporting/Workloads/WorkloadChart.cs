using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.Workloads;

/// <summary>A chart a workload adds to its report section; it writes nothing (and is not listed) when the run has nothing for it to draw.</summary>
public sealed record WorkloadChart(string Name, Func<RunAnalysis, string, IReadOnlyList<string>> Render);
