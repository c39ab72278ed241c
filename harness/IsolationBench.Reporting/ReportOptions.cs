namespace IsolationBench.Reporting;

/// <summary>What `isobench report` may change; the defaults give the published report.</summary>
public sealed record ReportOptions
{
    public const string DefaultBaseline = "host";

    /// <summary>The mode every ratio divides by: "host" (no cage), or e.g. "runc" / "process" to compare runtimes.</summary>
    public string Baseline { get; init; } = DefaultBaseline;

    /// <summary>Where report files go; null means &lt;runDir&gt;/report. Nothing is written outside it.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Bootstrap resamples per mode and metric. 10 000 keeps the 2.5 %/97.5 % percentiles stable to ~1 %.</summary>
    public int BootstrapResamples { get; init; } = 10_000;

    /// <summary>Fixed so that the same run directory always gives the same report, byte for byte.</summary>
    public int Seed { get; init; } = 20_240_611;

    public bool WriteCharts { get; init; } = true;
}
