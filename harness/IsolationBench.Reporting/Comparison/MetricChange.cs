using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.Comparison;

public enum ChangeVerdict
{
    Same,
    Improved,
    Regressed,
}

/// <summary>
/// One series (workload, metric, mode) in CURRENT against BASELINE. <see cref="Ratio"/> = median(current)/median(baseline)
/// over the samples; <see cref="Slowdown"/> turns it so that &gt; 1 always means worse (1/ratio for higher-is-better metrics).
/// </summary>
public sealed record MetricChange(
    string Workload,
    string Metric,
    string Mode,
    string Unit,
    int BaselineN,
    int CurrentN,
    double BaselineMedian,
    double CurrentMedian,
    double Ratio,
    Interval RatioCi,
    double Slowdown,
    Interval SlowdownCi,
    double MannWhitneyP,
    ChangeVerdict Verdict)
{
    /// <summary>As the metric declares it (<see cref="IsolationBench.Results.MetricDirections"/>); the unit guess when built without one.</summary>
    public bool HigherIsBetter { get; init; } = IsolationBench.Results.Units.HigherIsBetter(Unit);

    /// <summary>The 95 % CI of the ratio excludes 1: the samples differ beyond their noise.</summary>
    public bool Significant => RatioCi.IsKnown && !RatioCi.Contains(1.0);

    /// <summary>Signed change in the "worse" direction, e.g. +0.20 = 20 % worse, −0.10 ≈ 10 % better.</summary>
    public double Change => Slowdown - 1;

    /// <summary>
    /// Night-to-night standard deviation (log scale, ≈ relative) of the baseline runs' medians, put into the
    /// interval as the current night's own night effect; NaN when not estimated (a one-run baseline, or a several-run current).
    /// </summary>
    public double NightSigma { get; init; } = double.NaN;
}
