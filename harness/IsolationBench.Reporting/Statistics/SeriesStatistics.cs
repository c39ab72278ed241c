namespace IsolationBench.Reporting.Statistics;

/// <summary>
/// One mode's values of one metric, over <c>ok</c> samples only. <see cref="Units"/> counts the independent units
/// (containers; startup lifecycles); <see cref="Median"/> is the median of the unit values (each container's median
/// of its iterations; for startup simply the median of the samples) and <see cref="MedianCi"/> its distribution-free
/// 95 % order-statistic interval (<see cref="MedianInterval"/>). Mean and SD are over every ok value.
/// </summary>
public sealed record SeriesStatistics(
    int N,
    int NFailed,
    int Units,
    double Median,
    double Mean,
    double StandardDeviation,
    Interval MedianCi);

/// <summary>
/// A mode against another (the baseline, or its pair partner) on one metric. <see cref="Ratio"/> is the ratio of the
/// geometric means of the units, with <see cref="RatioCi"/> from <see cref="LogRatioInterval"/>.
/// <see cref="Overhead"/> is the slowdown factor, &gt; 1 always meaning "worse": the ratio for lower-is-better units,
/// its reciprocal for throughput. Significant ⇔ the ratio's 95 % CI excludes 1.0 and <see cref="Withheld"/> is null.
/// </summary>
public sealed record BaselineComparison(
    double Ratio,
    Interval RatioCi,
    double Overhead,
    Interval OverheadCi,
    bool Significant,
    double MannWhitneyP)
{
    /// <summary>Why significance is not judged although an interval is shown (e.g. "too few containers: 3"); null otherwise.</summary>
    public string? Withheld { get; init; }

    /// <summary>The mode divided by, e.g. "host" or, for a pair, "runc".</summary>
    public string Against { get; init; } = string.Empty;
}

/// <summary>One row of the report: a workload, metric and mode, with its comparison to the baseline.</summary>
public sealed record MetricRow(
    string Workload,
    string Metric,
    string Unit,
    string Mode,
    string Baseline,
    SeriesStatistics Statistics,
    BaselineComparison? Comparison)
{
    /// <summary>As the metric declares it (<see cref="IsolationBench.Results.MetricDirections"/>); the unit guess when built without one.</summary>
    public bool HigherIsBetter { get; init; } = IsolationBench.Results.Units.HigherIsBetter(Unit);

    public bool IsBaseline => Mode == Baseline;

    /// <summary>Why this row has no ratio although both modes have data (a phase that means different things); null otherwise.</summary>
    public string? NoRatio { get; init; }

    /// <summary>The platform's headline pair (a sandbox vs runc, hyperv vs process) when the partner is not the baseline.</summary>
    public BaselineComparison? Pair { get; init; }
}
