using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;
using static IsolationBench.Reporting.Output.Fmt;

namespace IsolationBench.Reporting.Io;

/// <summary>
/// Ours against fio for one metric and mode: the difference (ours/fio − 1) from the containers that ran both, paired
/// (<see cref="PairedLogRatio"/>), with its 95 % interval. A container's ratio is the median of its iteration pairs'
/// ratios (our iteration i over fio's job i, run one right after the other: the interleaved reads give 3 a container —
/// the median, as for every container's iterations, so one slow job does not move it), or the ratio of its medians where
/// the iterations do not pair up (older runs). Within <see cref="IoFindings.FioTolerance"/> it
/// agrees; beyond it, with an interval that excludes 0, it disagrees; beyond it with an interval that includes 0 the
/// two tools are not told apart by this run's noise — either way our figure gets no verdict. Without pairs: the medians.
/// </summary>
public sealed record FioAgreement(double Difference, Statistics.Interval DifferenceCi)
{
    public bool Agrees => Math.Abs(Difference) <= IoFindings.FioTolerance;

    /// <summary>Beyond the tolerance and the interval excludes no difference at all.</summary>
    public bool RealDisagreement => !Agrees && DifferenceCi.IsKnown && !DifferenceCi.Contains(0);

    public static FioAgreement Of(IReadOnlyList<Sample> samples, string workload, string metric, string fioMetric, string mode, double oursMedian, double fioMedian)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var ours = Containers(samples, workload, metric, mode);
        var fio = Containers(samples, workload, fioMetric, mode);
        var pairs = ours.Keys.Where(fio.ContainsKey).Select(k => (ContainerRatio(ours[k], fio[k]), 1.0)).ToList();
        if (pairs.Count == 0)
        {
            return new FioAgreement(oursMedian / fioMedian - 1, Statistics.Interval.Unknown);
        }

        var (ratio, ci) = PairedLogRatio.Of(pairs);
        return new FioAgreement(ratio - 1, ci.IsKnown ? new Statistics.Interval(ci.Low - 1, ci.High - 1) : Statistics.Interval.Unknown);
    }

    /// <summary>One container's ours/fio: the median of the ratios of the iterations both have, else the ratio of the medians.</summary>
    public static double ContainerRatio(IReadOnlyDictionary<int, double> ours, IReadOnlyDictionary<int, double> fio)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(fio);
        var paired = ours.Keys.Where(fio.ContainsKey).ToList();
        return paired.Count > 0
            ? Descriptive.Median([.. paired.Select(i => ours[i] / fio[i])])
            : Descriptive.Median([.. ours.Values]) / Descriptive.Median([.. fio.Values]);
    }

    public string Describe() =>
        SignedPercent(Difference)
        + (DifferenceCi.IsKnown ? $", CI {SignedPercent(DifferenceCi.Low)} … {SignedPercent(DifferenceCi.High)}" : string.Empty)
        + (Agrees ? ", agrees" : RealDisagreement ? ", disagrees" : ", within the noise");

    /// <summary>Why our figure gets no verdict (only when it does not agree).</summary>
    public string Refusal() => RealDisagreement
        ? $"disagrees with fio by {SignedPercent(Difference)} (95 % CI {SignedPercent(DifferenceCi.Low)} … {SignedPercent(DifferenceCi.High)})"
        : $"differs from fio by {SignedPercent(Difference)}, which this run's noise cannot tell from agreement"
            + (DifferenceCi.IsKnown ? $" (95 % CI {SignedPercent(DifferenceCi.Low)} … {SignedPercent(DifferenceCi.High)})" : string.Empty);

    private static Dictionary<(int Round, string Source), IReadOnlyDictionary<int, double>> Containers(IReadOnlyList<Sample> samples, string workload, string metric, string mode) =>
        samples.Where(s => s.Workload == workload && s.Metric == metric && s.Mode == mode && RunAnalyzer.IsUsable(s))
            .GroupBy(s => (s.Round, s.Source))
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, double>)g.GroupBy(s => s.Iteration).ToDictionary(i => i.Key, i => i.First().Value));
}
