namespace IsolationBench.Results;

/// <summary>
/// The startup workload's metrics: the phases of one container's (or host process's) life, in order, then their sum.
/// The one definition of the list; the harness writes these and the reports read them.
/// </summary>
public static class StartupPhases
{
    /// <summary>create (+attach) → start (start call) → ready (first line) → fingerprint (probe's done line) → exit (wait returned, output drained) → remove.</summary>
    public static readonly IReadOnlyList<string> Container = ["create", "start", "ready", "fingerprint", "exit", "remove"];

    /// <summary>A host process has no create or remove; its start is the spawn.</summary>
    public static readonly IReadOnlyList<string> Host = ["start", "ready", "fingerprint", "exit"];

    /// <summary>The sum of the phases: create called → remove returned (host: spawn → exit).</summary>
    public const string Total = "total";

    /// <summary>Every startup metric in order, <see cref="Total"/> last.</summary>
    public static readonly IReadOnlyList<string> All = [.. Container, Total];

    /// <summary>The startup workload's name in samples.csv and manifest.json.</summary>
    public const string Workload = "startup";

    /// <summary>Every phase as a metric: milliseconds, lower is better.</summary>
    public static readonly IReadOnlyList<MetricDescriptor> Descriptors =
        [.. All.Select(p => new MetricDescriptor(Workload, p, p, Units.Milliseconds, MetricDirection.LowerIsBetter))];
}
