using IsolationBench.Reporting.Statistics;
using static IsolationBench.Reporting.Output.Fmt;

namespace IsolationBench.Reporting.Findings;

/// <summary>
/// Our figure against a referee tool's (fio, iperf3) in one mode: the difference (ours/referee − 1) over the containers
/// that ran both, paired by container (<see cref="PairedLogRatio"/>), with its 95 % interval. Within
/// <see cref="Tolerance"/> it agrees; beyond it, with an interval that excludes 0, it disagrees; beyond it with an
/// interval that includes 0 the two tools are not told apart by this run's noise — either way our figure gets no verdict.
/// </summary>
public sealed record RefereeAgreement(string Tool, double Tolerance, double Difference, Statistics.Interval DifferenceCi)
{
    public bool Agrees => Math.Abs(Difference) <= Tolerance;

    /// <summary>Beyond the tolerance and the interval excludes no difference at all.</summary>
    public bool RealDisagreement => !Agrees && DifferenceCi.IsKnown && !DifferenceCi.Contains(0);

    /// <summary>From one (ours, referee) pair per container; without pairs (older runs), the ratio of the two medians and no interval.</summary>
    public static RefereeAgreement Of(string tool, double tolerance, IReadOnlyList<(double Ours, double Referee)> containers, double oursMedian, double refereeMedian)
    {
        ArgumentNullException.ThrowIfNull(containers);
        if (containers.Count == 0)
        {
            return new RefereeAgreement(tool, tolerance, oursMedian / refereeMedian - 1, Statistics.Interval.Unknown);
        }

        var (ratio, ci) = PairedLogRatio.Of(containers);
        return new RefereeAgreement(tool, tolerance, ratio - 1, ci.IsKnown ? new Statistics.Interval(ci.Low - 1, ci.High - 1) : Statistics.Interval.Unknown);
    }

    public string Describe() =>
        SignedPercent(Difference)
        + (DifferenceCi.IsKnown ? $", CI {SignedPercent(DifferenceCi.Low)} … {SignedPercent(DifferenceCi.High)}" : string.Empty)
        + (Agrees ? ", agrees" : RealDisagreement ? ", disagrees" : ", within the noise");

    /// <summary>Why our figure gets no verdict (only when it does not agree).</summary>
    public string Refusal() => RealDisagreement
        ? $"disagrees with {Tool} by {SignedPercent(Difference)} (95 % CI {SignedPercent(DifferenceCi.Low)} … {SignedPercent(DifferenceCi.High)})"
        : $"differs from {Tool} by {SignedPercent(Difference)}, which this run's noise cannot tell from agreement"
            + (DifferenceCi.IsKnown ? $" (95 % CI {SignedPercent(DifferenceCi.Low)} … {SignedPercent(DifferenceCi.High)})" : string.Empty);
}
