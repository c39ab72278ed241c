using IsolationBench.Results;

namespace IsolationBench.Reporting.Statistics;

/// <summary>
/// The resampling units of a series: one cluster per round (container), since BenchmarkDotNet's iterations inside
/// one container share its luck. With a single container there is no between-container spread to resample: its
/// iterations become the units, and the report says such an interval covers one container only.
/// </summary>
public static class RoundClusters
{
    public static List<double[]> Of(IEnumerable<Sample> usable)
    {
        var rounds = usable.GroupBy(s => (s.Round, s.Source)).Select(g => g.Select(s => s.Value).ToArray()).ToList();
        return rounds.Count == 1 && rounds[0].Length > 1 ? [.. rounds[0].Select(v => new[] { v })] : rounds;
    }
}
