using IsolationBench.Reporting.Findings;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting;
using IsolationBench.Results;

namespace IsolationBench.Workloads.Guest;

/// <summary>
/// Ours against fio for one metric and mode: the difference (ours/fio − 1) from the containers that ran both, paired
/// (<see cref="PairedLogRatio"/>), with its 95 % interval. A container's ratio is the median of its iteration pairs'
/// ratios (our iteration i over fio's job i, run one right beside the other, fio second and first in turn: every interleaved operation gives 6 a container —
/// the median, as for every container's iterations, so one slow job does not move it), or the ratio of its medians where
/// the iterations do not pair up (older runs); judged by <see cref="RefereeAgreement"/> against <see cref="IoFindings.FioTolerance"/>.
/// </summary>
public static class FioAgreement
{
    public static RefereeAgreement Of(IReadOnlyList<Sample> samples, string workload, string metric, string fioMetric, string mode, double oursMedian, double fioMedian)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var ours = Containers(samples, workload, metric, mode);
        var fio = Containers(samples, workload, fioMetric, mode);
        var pairs = ours.Keys.Where(fio.ContainsKey).Select(k => (ContainerRatio(ours[k], fio[k]), 1.0)).ToList();
        return RefereeAgreement.Of("fio", IoFindings.FioTolerance, pairs, oursMedian, fioMedian);
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

    private static Dictionary<(int Round, string Source), IReadOnlyDictionary<int, double>> Containers(IReadOnlyList<Sample> samples, string workload, string metric, string mode) =>
        samples.Where(s => s.Workload == workload && s.Metric == metric && s.Mode == mode && RunAnalyzer.IsUsable(s))
            .GroupBy(s => (s.Round, s.Source))
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, double>)g.GroupBy(s => s.Iteration).ToDictionary(i => i.Key, i => i.First().Value));
}
