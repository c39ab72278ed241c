namespace IsolationBench.Reporting.Comparison;

/// <summary>
/// CURRENT against BASELINE: every series' change, what the current run failed to deliver, failure-rate rises, the noise
/// verdict of both sides, and the gate's decision.
/// </summary>
public sealed record ComparisonResult(
    CompareSide Baseline,
    CompareSide Current,
    double Threshold,
    IReadOnlyList<MetricChange> Changes,
    IReadOnlyList<string> Unmatched)
{
    /// <summary>Baseline series the current run did not deliver (mode missing or unverified, all failed, unit changed): one line each.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>Mode × workload whose failure rate rose by more than <see cref="FailureRates.MaxRise"/>: one line each.</summary>
    public IReadOnlyList<string> FailureRises { get; init; } = [];

    public IReadOnlyList<MetricChange> Regressions => Changes.Where(c => c.Verdict == ChangeVerdict.Regressed).ToList();

    public IReadOnlyList<MetricChange> Improvements => Changes.Where(c => c.Verdict == ChangeVerdict.Improved).ToList();

    /// <summary>Either side's CPU control left [0.95, 1.05]. Reported only: a real isolation effect on the CPU loop must not switch the gate off.</summary>
    public bool Noisy => Baseline.IsNoisy || Current.IsNoisy;

    public bool GateFails => Regressions.Count > 0 || Missing.Count > 0 || FailureRises.Count > 0;

    /// <summary>How many series would regress at <paramref name="threshold"/> (the CIs do not depend on it).</summary>
    public int RegressionsAt(double threshold) =>
        Changes.Count(c => CompareRule.Classify(c.Slowdown, c.SlowdownCi, threshold) == ChangeVerdict.Regressed);

    public string Summary()
    {
        var text = FormattableString.Invariant(
            $"{Changes.Count} series compared at {Threshold * 100:0.#} %: {Regressions.Count} regressed, {Improvements.Count} improved, {Changes.Count - Regressions.Count - Improvements.Count} same");
        if (Missing.Count > 0)
        {
            text += FormattableString.Invariant($"; {Missing.Count} baseline item(s) missing, unverified or failed in {Current.Label}");
        }

        if (FailureRises.Count > 0)
        {
            text += FormattableString.Invariant($"; failure rate up by more than {FailureRates.MaxRise * 100:0} points in {FailureRises.Count} mode × workload");
        }

        return Noisy ? text + " — host was noisy (CPU control outside 0.95–1.05): reported, it does not switch the gate off" : text;
    }
}
