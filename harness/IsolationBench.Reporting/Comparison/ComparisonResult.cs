namespace IsolationBench.Reporting.Comparison;

/// <summary>CURRENT against BASELINE: every series' change, the noise verdict of both sides, and the gate's decision.</summary>
public sealed record ComparisonResult(
    CompareSide Baseline,
    CompareSide Current,
    double Threshold,
    IReadOnlyList<MetricChange> Changes,
    IReadOnlyList<string> Unmatched)
{
    public IReadOnlyList<MetricChange> Regressions => Changes.Where(c => c.Verdict == ChangeVerdict.Regressed).ToList();

    public IReadOnlyList<MetricChange> Improvements => Changes.Where(c => c.Verdict == ChangeVerdict.Improved).ToList();

    /// <summary>Either side's CPU control left [0.95, 1.05]: its regressions are reported but do not fail the gate.</summary>
    public bool Noisy => Baseline.IsNoisy || Current.IsNoisy;

    public bool GateFails => Regressions.Count > 0 && !Noisy;

    /// <summary>How many series would regress at <paramref name="threshold"/> (the CIs do not depend on it).</summary>
    public int RegressionsAt(double threshold) =>
        Changes.Count(c => CompareRule.Classify(c.Slowdown, c.SlowdownCi, threshold) == ChangeVerdict.Regressed);

    public string Summary()
    {
        var head = FormattableString.Invariant(
            $"{Changes.Count} series compared at {Threshold * 100:0.#} %: {Regressions.Count} regressed, {Improvements.Count} improved, {Changes.Count - Regressions.Count - Improvements.Count} same");
        return !Noisy ? head
            : head + (Regressions.Count > 0
                ? " — host was noisy (CPU control outside 0.95–1.05), so these regressions do not fail the gate"
                : " — host was noisy (CPU control outside 0.95–1.05)");
    }
}
