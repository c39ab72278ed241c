using IsolationBench.Reporting.Analysers;
using IsolationBench.Reporting;

namespace IsolationBench.Workloads.Guest;

/// <summary>iperf3's agreement with the TCP bulk figure (<see cref="NetworkFindings"/>) as conclusions: findings lines and refusals.</summary>
public sealed class NetworkRefereeAnalyser : IAnalyser
{
    public Conclusions Analyse(AnalyserInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var network = NetworkFindings.From(input.Analysis);
        return new Conclusions
        {
            Referees = [new RefereeFindings(NetworkFindings.Workload, NetworkFindings.IsIperf3, network.Lines)],
            Refusals = [.. network.Refusals.Select(r => new Refusal(NetworkFindings.Workload, r.Key.Metric, r.Key.Mode, r.Value))],
        };
    }
}
