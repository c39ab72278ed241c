using IsolationBench.Reporting.Io;
using IsolationBench.Results;
using static IsolationBench.Reporting.Output.Fmt;

namespace IsolationBench.Reporting.Network;

/// <summary>
/// Our TCP bulk figure against iperf3's in one mode: the difference (ours/iperf3 − 1) from the containers that ran both,
/// paired exactly as fio's agreement is (<see cref="FioAgreement.Of"/>), judged against <see cref="NetworkFindings.Iperf3Tolerance"/>.
/// </summary>
public sealed record Iperf3Agreement(double Difference, Statistics.Interval DifferenceCi)
{
    public bool Agrees => Math.Abs(Difference) <= NetworkFindings.Iperf3Tolerance;

    /// <summary>Beyond the tolerance and the interval excludes no difference at all.</summary>
    public bool RealDisagreement => !Agrees && DifferenceCi.IsKnown && !DifferenceCi.Contains(0);

    public static Iperf3Agreement Of(IReadOnlyList<Sample> samples, string workload, string metric, string iperf3Metric, string mode, double oursMedian, double iperf3Median)
    {
        var paired = FioAgreement.Of(samples, workload, metric, iperf3Metric, mode, oursMedian, iperf3Median);
        return new Iperf3Agreement(paired.Difference, paired.DifferenceCi);
    }

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
