using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;
using static IsolationBench.Reporting.Output.Fmt;

namespace IsolationBench.Reporting.Network;

/// <summary>
/// Our TCP bulk figure against iperf3's in one mode: the difference (ours/iperf3 − 1) from the containers that ran both,
/// paired by container (<see cref="PairedLogRatio"/>, as fio's agreement is), judged against <see cref="NetworkFindings.Iperf3Tolerance"/>.
/// </summary>
public sealed record Iperf3Agreement(double Difference, Statistics.Interval DifferenceCi)
{
    public bool Agrees => Math.Abs(Difference) <= NetworkFindings.Iperf3Tolerance;

    /// <summary>Beyond the tolerance and the interval excludes no difference at all.</summary>
    public bool RealDisagreement => !Agrees && DifferenceCi.IsKnown && !DifferenceCi.Contains(0);

    /// <summary>
    /// One pair per container that ran both: our median over its iterations against its iperf3 figure (one iperf3 test
    /// runs beside our whole benchmark, so it pairs with the container's median, not with one of our iterations).
    /// Without pairs: the medians.
    /// </summary>
    public static Iperf3Agreement Of(IReadOnlyList<Sample> samples, string workload, string metric, string iperf3Metric, string mode, double oursMedian, double iperf3Median)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var ours = ExperimentalUnits.ByContainer(Usable(samples, workload, metric, mode));
        var iperf3 = ExperimentalUnits.ByContainer(Usable(samples, workload, iperf3Metric, mode));
        var pairs = ours.Keys.Where(iperf3.ContainsKey).Select(k => (ours[k], iperf3[k])).ToList();
        if (pairs.Count == 0)
        {
            return new Iperf3Agreement(oursMedian / iperf3Median - 1, Statistics.Interval.Unknown);
        }

        var (ratio, ci) = PairedLogRatio.Of(pairs);
        return new Iperf3Agreement(ratio - 1, ci.IsKnown ? new Statistics.Interval(ci.Low - 1, ci.High - 1) : Statistics.Interval.Unknown);
    }

    private static IEnumerable<Sample> Usable(IReadOnlyList<Sample> samples, string workload, string metric, string mode) =>
        samples.Where(s => s.Workload == workload && s.Metric == metric && s.Mode == mode && RunAnalyzer.IsUsable(s));

    public string Describe() =>
        SignedPercent(Difference)
        + (DifferenceCi.IsKnown ? $", CI {SignedPercent(DifferenceCi.Low)} … {SignedPercent(DifferenceCi.High)}" : string.Empty)
        + (Agrees ? ", agrees" : RealDisagreement ? ", disagrees" : ", within the noise");

    /// <summary>Why our figure gets no verdict (only when it does not agree).</summary>
    public string Refusal() => RealDisagreement
        ? $"disagrees with iperf3 by {SignedPercent(Difference)} (95 % CI {SignedPercent(DifferenceCi.Low)} … {SignedPercent(DifferenceCi.High)})"
        : $"differs from iperf3 by {SignedPercent(Difference)}, which this run's noise cannot tell from agreement"
            + (DifferenceCi.IsKnown ? $" (95 % CI {SignedPercent(DifferenceCi.Low)} … {SignedPercent(DifferenceCi.High)})" : string.Empty);
}
