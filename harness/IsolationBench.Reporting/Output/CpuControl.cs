using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.Output;

/// <summary>
/// The CPU control: a pure compute loop costs the same in any cage, so its ratio should be ~1.00. Outside
/// [0.95, 1.05] the machine itself was noisy and small differences elsewhere in the report are not to be trusted.
/// </summary>
public static class CpuControl
{
    public const double Low = 0.95;
    public const double High = 1.05;

    public static IReadOnlyList<MetricRow> Rows(RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var controls = analysis.ControlWorkloads.ToList();
        return analysis.Rows.Where(r => controls.Contains(r.Workload) && r.Comparison is not null).ToList();
    }

    public static IReadOnlyList<string> Warnings(RunAnalysis analysis) =>
        Rows(analysis)
            .Where(r => r.Comparison!.Ratio is < Low or > High)
            .Select(r => FormattableString.Invariant(
                $"host was noisy: CPU control {r.Metric} ratio for {r.Mode} is {Fmt.Factor(r.Comparison!.Ratio)} (expected {Low:0.00}–{High:0.00}); treat small differences with caution"))
            .ToList();

    public static IReadOnlyList<string> Lines(RunAnalysis analysis) =>
        Rows(analysis)
            .Select(r => $"{r.Mode}: {r.Metric} ratio {Fmt.Factor(r.Comparison!.Ratio)} (95 % CI {Fmt.Interval(r.Comparison.RatioCi, Fmt.Factor)}) — "
                + (r.Comparison.Ratio is >= Low and <= High ? "within 0.95–1.05" : "OUTSIDE 0.95–1.05: host was noisy"))
            .ToList();
}
