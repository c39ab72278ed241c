namespace IsolationBench.Reporting.History;

/// <summary>
/// One row of the history store: one run × workload × metric × mode, with what the report concluded about it.
/// <see cref="RunDirectory"/> points back at the run, so that `isobench compare last:N` can reach the samples.
/// </summary>
public sealed record HistoryRow
{
    public required string RunId { get; init; }

    public required DateTimeOffset RunDateUtc { get; init; }

    public required string Host { get; init; }

    public required string Os { get; init; }

    public required string EngineVersion { get; init; }

    /// <summary>The modes as run, "name=runtime/isolation" joined by ';' (e.g. "host;runc=runc;hyperv=hyperv").</summary>
    public required string Runtimes { get; init; }

    public required string ToolVersion { get; init; }

    public required string Commit { get; init; }

    /// <summary>Absolute path of the run directory when it was reported (its samples live there).</summary>
    public required string RunDirectory { get; init; }

    public required string Baseline { get; init; }

    public required string Workload { get; init; }

    public required string Metric { get; init; }

    public required string Mode { get; init; }

    public required string Unit { get; init; }

    public required int N { get; init; }

    public required double Median { get; init; }

    public required double MedianCiLow { get; init; }

    public required double MedianCiHigh { get; init; }

    public required double Ratio { get; init; }

    public required double RatioCiLow { get; init; }

    public required double RatioCiHigh { get; init; }

    public required double Overhead { get; init; }

    public required double OverheadCiLow { get; init; }

    public required double OverheadCiHigh { get; init; }

    public required bool Significant { get; init; }

    /// <summary>The run's CPU control verdict: "ok", "noisy" (a ratio left [0.95, 1.05]) or "none" (no cpu workload).</summary>
    public required string CpuControl { get; init; }

    public bool IsNoisy => CpuControl == CpuControlState.Noisy;
}

public static class CpuControlState
{
    public const string Ok = "ok";
    public const string Noisy = "noisy";
    public const string None = "none";
}
