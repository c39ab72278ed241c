namespace IsolationBench.Results.Workloads;

/// <summary>
/// A workload as data, written into manifest.json so that report and compare read a run without the code that made
/// it: its name (samples.csv's workload), title, the OSes it runs on, its headline metric (null: the geometric mean
/// over its metrics), the metrics it declares up front (a guest category declares its own at run time, through
/// isobench-units.json) and its default sampling plan.
/// </summary>
public sealed record WorkloadDescriptor(
    string Name,
    string Title,
    IReadOnlyList<string> SupportedOs,
    string? HeadlineMetric,
    IReadOnlyList<MetricDescriptor> Metrics,
    SamplingPlan Sampling);
