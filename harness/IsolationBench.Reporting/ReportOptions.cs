namespace IsolationBench.Reporting;

/// <summary>What `isobench report` may change; the defaults give the published report.</summary>
public sealed record ReportOptions
{
    /// <summary>The mode a run with host in it divides by; other runs follow <see cref="IsolationBench.Results.BaselineRule"/>.</summary>
    public const string DefaultBaseline = "host";

    /// <summary>The mode every ratio divides by; null: the run's own (manifest.json's baseline, else <see cref="IsolationBench.Results.BaselineRule"/>).</summary>
    public string? Baseline { get; init; }

    /// <summary>Where report files go; null means &lt;runDir&gt;/report. Nothing is written outside it.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Unused by the report since its intervals became t-intervals on log units (no resampling); kept so that callers setting it still compile.</summary>
    public int BootstrapResamples { get; init; } = 10_000;

    /// <summary>Fixed so that the same run directory always gives the same report, byte for byte.</summary>
    public int Seed { get; init; } = 20_240_611;

    public bool WriteCharts { get; init; } = true;

    /// <summary>
    /// Each workload's report parts (rules, charts, sections, analysers), from the composition root (the CLI hands in every
    /// module's). Empty: every workload reports with what every workload gets (an old or foreign run still reports).
    /// </summary>
    public IReadOnlyList<global::IsolationBench.Reporting.Workloads.WorkloadReport> Workloads { get; init; } = [];
}
