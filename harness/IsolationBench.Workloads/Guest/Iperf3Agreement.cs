using IsolationBench.Reporting.Findings;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting;
using IsolationBench.Results;

namespace IsolationBench.Workloads.Guest;

/// <summary>Our TCP bulk figure against iperf3's in one mode (<see cref="RefereeAgreement"/>, tolerance <see cref="NetworkFindings.Iperf3Tolerance"/>).</summary>
public static class Iperf3Agreement
{
    /// <summary>
    /// One pair per container that ran both: our median over its iterations against its iperf3 figure (one iperf3 test
    /// runs beside our whole benchmark, so it pairs with the container's median, not with one of our iterations).
    /// Without pairs: the medians.
    /// </summary>
    public static RefereeAgreement Of(IReadOnlyList<Sample> samples, string workload, string metric, string iperf3Metric, string mode, double oursMedian, double iperf3Median)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var ours = ExperimentalUnits.ByContainer(Usable(samples, workload, metric, mode));
        var iperf3 = ExperimentalUnits.ByContainer(Usable(samples, workload, iperf3Metric, mode));
        var pairs = ours.Keys.Where(iperf3.ContainsKey).Select(k => (ours[k], iperf3[k])).ToList();
        return RefereeAgreement.Of("iperf3", NetworkFindings.Iperf3Tolerance, pairs, oursMedian, iperf3Median);
    }

    private static IEnumerable<Sample> Usable(IReadOnlyList<Sample> samples, string workload, string metric, string mode) =>
        samples.Where(s => s.Workload == workload && s.Metric == metric && s.Mode == mode && RunAnalyzer.IsUsable(s));
}
