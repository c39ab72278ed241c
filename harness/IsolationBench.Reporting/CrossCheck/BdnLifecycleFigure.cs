namespace IsolationBench.Reporting.CrossCheck;

/// <summary>
/// BenchmarkDotNet's verdict on one mode's startup lifecycle (engine-bench/results/), in milliseconds.
/// <see cref="CiLow"/>–<see cref="CiHigh"/> is BDN's confidence interval of the mean at <see cref="CiLevelPercent"/>.
/// <see cref="Ratio"/> is BDN's own Ratio column (mean of the ratio distribution mode/host), null without a baseline.
/// <see cref="Iterations"/>: every measured lifecycle (BDN's actual workload iterations), in the order taken.
/// </summary>
public sealed record BdnLifecycleFigure(
    string Mode,
    int N,
    double Median,
    double Mean,
    double CiLow,
    double CiHigh,
    double CiLevelPercent,
    double? Ratio,
    IReadOnlyList<double> Iterations);
