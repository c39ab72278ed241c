namespace IsolationBench.Results;

/// <summary>
/// The phases of one container's (or host process's) life, in order, then their sum: the metrics of every workload that
/// times a probe's lifecycle (startup, startup-runtime). The one definition of the list; the harness writes these and the
/// reports read them.
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

    /// <summary>
    /// The first container of each mode in a run (its first warm-up, or its first measured cell without warm-ups) is
    /// also written under its own metric set: each phase with this prefix ("first.total"), in round 0.
    /// </summary>
    public const string FirstPrefix = Workloads.FirstContainer.Prefix;

    /// <summary>The metric of <paramref name="phase"/> of a run's first container ("first.total").</summary>
    public static string First(string phase) => Workloads.FirstContainer.Metric(phase);

    public static bool IsFirst(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.StartsWith(FirstPrefix, StringComparison.Ordinal);
    }

    /// <summary>The phases as metrics of <paramref name="workload"/> (startup, startup-runtime).</summary>
    public static IReadOnlyList<MetricDescriptor> DescriptorsOf(string workload) =>
        [.. All.Select(p => new MetricDescriptor(workload, p, p, Units.Milliseconds, MetricDirection.LowerIsBetter))];
}
