using IsolationBench.Results;

namespace IsolationBench.Reporting.Statistics;

/// <summary>Everything the report shows, computed once from a run directory's files.</summary>
public sealed record RunAnalysis(
    RunManifest Manifest,
    string Baseline,
    IReadOnlyList<string> Modes,
    IReadOnlyList<ExcludedMode> Excluded,
    IReadOnlyList<string> Workloads,
    IReadOnlyList<MetricRow> Rows,
    IReadOnlyList<Sample> Samples)
{
    /// <summary>The workloads' report parts this analysis was made with (<see cref="ReportOptions.Workloads"/>): charts, sections and analysers read them here.</summary>
    public IReadOnlyList<Workloads.WorkloadReport> Parts { get; init; } = [];

    /// <summary>The workloads whose ratio should be ~1.00 in any cage (<see cref="Workloads.WorkloadReport.IsHostNoiseControl"/>).</summary>
    public IEnumerable<string> ControlWorkloads => Parts.Where(p => p.IsHostNoiseControl).Select(p => p.Workload);

    /// <summary>The registration of <paramref name="workload"/>; null for a workload this version does not know.</summary>
    public Workloads.WorkloadReport? PartOf(string workload) => Parts.FirstOrDefault(p => p.Workload == workload);

    /// <summary>Whether a mode is a plain host process (manifest kind "host", or the name when the manifest does not list it).</summary>
    public bool IsHostLike(string mode) =>
        Manifest.Modes.FirstOrDefault(m => m.Name == mode) is { } d ? d.Kind == "host" : mode == "host";

    /// <summary>
    /// The workload's headline metric as its descriptor says (the run's manifest, else this version's catalog); null
    /// when the workload is summarised over all its metrics (a guest category, or a workload this version does not know).
    /// </summary>
    public string? HeadlineOf(string workload) => DescriptorOf(workload)?.HeadlineMetric;

    /// <summary>The workload's descriptor: the run's manifest, else this version's module; null for a workload neither knows.</summary>
    public IsolationBench.Results.Workloads.WorkloadDescriptor? DescriptorOf(string workload) =>
        IsolationBench.Results.Workloads.WorkloadDescriptors.Of(Manifest, [.. Parts.Select(p => p.Descriptor).OfType<IsolationBench.Results.Workloads.WorkloadDescriptor>()])
            .FirstOrDefault(d => d.Name == workload)
        ?? PartOf(workload)?.Descriptor;

    /// <summary>The workload the engine's clock and --engine-bench cross-check (<see cref="Workloads.WorkloadReport.EngineCrossChecked"/>), with its headline metric; null when the run has none.</summary>
    public (string Workload, string Metric)? EngineCrossChecked =>
        Parts.FirstOrDefault(p => p.EngineCrossChecked) is { } part && HeadlineOf(part.Workload) is { } metric ? (part.Workload, metric) : null;

    public IEnumerable<MetricRow> RowsOf(string workload) => Rows.Where(r => r.Workload == workload);

    public IReadOnlyList<string> MetricsOf(string workload) => RowsOf(workload).Select(r => r.Metric).Distinct().ToList();

    public MetricRow? Row(string workload, string metric, string mode) =>
        Rows.FirstOrDefault(r => r.Workload == workload && r.Metric == metric && r.Mode == mode);

    /// <summary>The ok values of one series, in file order (charts plot every one of them).</summary>
    public IReadOnlyList<double> Values(string workload, string metric, string mode) =>
        Samples.Where(s => s.Workload == workload && s.Metric == metric && s.Mode == mode && RunAnalyzer.IsUsable(s))
            .Select(s => s.Value).ToList();
}
