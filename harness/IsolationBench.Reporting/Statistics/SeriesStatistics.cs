namespace IsolationBench.Reporting.Statistics;

/// <summary>
/// One mode's values of one metric, over <c>ok</c> samples only. <see cref="MedianCi"/> is the 95 % percentile
/// bootstrap interval of the median (rounds resampled, fixed seed).
/// </summary>
public sealed record SeriesStatistics(
    int N,
    int NFailed,
    int Rounds,
    double Median,
    double Mean,
    double StandardDeviation,
    Interval MedianCi);

/// <summary>
/// A mode against the baseline on one metric. <see cref="Ratio"/> is median(mode)/median(baseline), raw.
/// <see cref="Overhead"/> is the slowdown factor, &gt; 1 always meaning "worse than baseline": the ratio for
/// lower-is-better units, its reciprocal for throughput. Significant ⇔ the ratio's 95 % CI excludes 1.0.
/// </summary>
public sealed record BaselineComparison(
    double Ratio,
    Interval RatioCi,
    double Overhead,
    Interval OverheadCi,
    bool Significant,
    double MannWhitneyP);

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
    public bool HigherIsBetter => IsolationBench.Results.Units.HigherIsBetter(Unit);

    public bool IsBaseline => Mode == Baseline;
}
