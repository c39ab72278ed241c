using IsolationBench.Harness;
namespace IsolationBench.Harness.Lifecycle;

/// <summary>The outcome of one container or host process: timings when it succeeded, a reason when it did not.</summary>
public sealed record WorkloadRun
{
    public required string Source { get; init; }

    public PhaseTimings? Timings { get; init; }

    public long? ExitCode { get; init; }

    public required string StdOut { get; init; }

    public required string StdErr { get; init; }

    /// <summary>Null when the run succeeded; else one line: "timeout after 30 s (phase ready)", "exit code 137 (OOM-killed)"…</summary>
    public string? Failure { get; init; }

    public bool Ok => Failure is null;

    /// <summary>The first stdout line (the probe's ready line) and the rest.</summary>
    public IReadOnlyList<string> StdOutLines => StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
