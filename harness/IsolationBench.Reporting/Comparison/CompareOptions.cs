namespace IsolationBench.Reporting.Comparison;

/// <summary>How `isobench compare` decides: the threshold (0.10 = 10 %) and the bootstrap's size and seed.</summary>
public sealed record CompareOptions
{
    public double Threshold { get; init; } = CompareRule.DefaultThreshold;

    public int BootstrapResamples { get; init; } = 10_000;

    public int Seed { get; init; } = 20_240_611;

    /// <summary>The thresholds the summary also counts regressions at, to show what a threshold this host supports.</summary>
    public IReadOnlyList<double> SensitivityThresholds { get; init; } = [0.05, 0.10, 0.20];
}
