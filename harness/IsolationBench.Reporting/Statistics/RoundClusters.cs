using IsolationBench.Results;

namespace IsolationBench.Reporting.Statistics;

/// <summary>
/// The resampling units of a series: one cluster per round and source (a container, or a host process), since
/// BenchmarkDotNet's iterations inside one container share its luck. A single container is one cluster: its
/// iterations never stand in for independent units (that covered 25.6 % instead of 95 %); the gate then gives no
/// interval and no verdict for that series (<see cref="Comparison.RunComparer"/>).
/// </summary>
public static class RoundClusters
{
    public static List<double[]> Of(IEnumerable<Sample> usable) =>
        [.. usable.GroupBy(s => (s.Round, s.Source)).Select(g => g.Select(s => s.Value).ToArray())];
}
