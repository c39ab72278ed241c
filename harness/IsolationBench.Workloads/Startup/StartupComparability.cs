using IsolationBench.Results;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Reporting;

namespace IsolationBench.Workloads.Startup;

/// <summary>
/// Which startup phases mean the same thing in two modes, so that a ratio between them means something; the
/// startup workloads register it as their not-comparable rule (<see cref="WorkloadReport.NotComparable"/>).
/// The phase list itself is the harness's one list, <see cref="Results.StartupPhases.Container"/>.
/// </summary>
public static class StartupComparability
{
    public const string Total = Results.StartupPhases.Total;

    /// <summary>Headline first, then the phases in the order they happen: the order of startup's rows and console columns.</summary>
    public static readonly IReadOnlyList<string> ReportedOrder = [Total, .. Results.StartupPhases.Container];

    /// <summary>Null when a ratio of <paramref name="phase"/> between the two modes is meaningful; otherwise why not.</summary>
    /// <param name="hostLike">whether a mode is a plain host process rather than a container.</param>
    public static string? NotComparable(string phase, string mode, string baseline, Func<string, bool> hostLike)
    {
        ArgumentNullException.ThrowIfNull(hostLike);
        var host = hostLike(mode) || hostLike(baseline);
        return phase switch
        {
            // total is the headline; fingerprint (probe's own work between its two lines) and exit (last line → wait
            // returned) are measured the same way for a process and a container.
            Total or "fingerprint" or "exit" => null,

            // A container's ready is clamped to 0 when the first line arrives before the start call returns; a host's
            // ready is fork → first line. Neither divides meaningfully.
            "ready" => "ready is clamped to 0 for containers",
            "start" when host => "host start is fork/exec, a container's is the engine's start call",
            "create" or "remove" when host => "a host process has no " + phase,
            "create" or "start" or "remove" => null,
            _ => null,
        };
    }
}
