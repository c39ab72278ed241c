using IsolationBench.Reporting.Analysers;
using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.Workloads;

/// <summary>
/// How one workload reports beyond what every workload gets (its overhead chart, tables and verdicts): plain parts,
/// constructible from outside Reporting, so that a workload's folder can register itself.
/// </summary>
public sealed record WorkloadReport(string Workload, IReadOnlyList<WorkloadChart> Charts)
{
    /// <summary>The section's own findings, one sentence each, shown under its verdicts; none by default.</summary>
    public Func<RunAnalysis, IReadOnlyList<string>> Findings { get; init; } = _ => [];

    /// <summary>The section's own tables (columns of their own), shown after its charts; none by default.</summary>
    public Func<RunAnalysis, IReadOnlyList<Output.SectionTable>> Tables { get; init; } = _ => [];

    /// <summary>Which of its metrics do not divide between two modes (and why); null: every metric compares.</summary>
    public ComparabilityRule? NotComparable { get; init; }

    /// <summary>Metrics listed first, in this order (the rest follow as they came); empty: as they came.</summary>
    public IReadOnlyList<string> MetricOrder { get; init; } = [];

    /// <summary>The verb of its headline's verdict ("starts": "runsc starts 1.62× slower than host"), which then names no metric; null: "is … on workload metric".</summary>
    public string? HeadlineVerb { get; init; }

    /// <summary>Its unit is a lifecycle (one sample each), not a container summarising iterations: says "samples" where too few.</summary>
    public bool UnitIsLifecycle { get; init; }

    /// <summary>A pure compute loop whose ratio should be ~1.00 in any cage: the report's check of host noise.</summary>
    public bool IsHostNoiseControl { get; init; }

    /// <summary>Its descriptor in this version (a run written before manifests recorded descriptors is read with it).</summary>
    public Results.Workloads.WorkloadDescriptor? Descriptor { get; init; }

    /// <summary>Listed first in the report and the console whenever the run has it (startup: the figure most asked for).</summary>
    public bool LeadsTheReport { get; init; }

    /// <summary>
    /// The workload whose lifecycles the engine's own clock (engine-events.csv) and --engine-bench's BenchmarkDotNet time
    /// too: its headline metric per sample is what those cross-checks compare.
    /// </summary>
    public bool EngineCrossChecked { get; init; }

    /// <summary>Its own analysers (referees, controls), run after the generic ones that lead and before those that close.</summary>
    public IReadOnlyList<IAnalyser> Analysers { get; init; } = [];
}
