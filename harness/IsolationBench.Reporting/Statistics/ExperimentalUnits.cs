using IsolationBench.Results;

namespace IsolationBench.Reporting.Statistics;

/// <summary>
/// The independent units of a series: one per container (or host process), i.e. per (round, source). A guest
/// container's BenchmarkDotNet iterations share its start-up luck and are summarised by their median; a startup
/// lifecycle has one value per phase, so there each sample is its own unit. Every ok iteration enters its
/// container's median: nothing is dropped.
/// </summary>
public static class ExperimentalUnits
{
    public static double[] Of(IEnumerable<Sample> usable) => [.. Containers(usable).Select(c => c.Median)];

    /// <summary>The same units keyed by container (round, source), for pairing two series measured in the same containers.</summary>
    public static IReadOnlyDictionary<(int Round, string Source), double> ByContainer(IEnumerable<Sample> usable) =>
        Containers(usable).ToDictionary(c => c.Key, c => c.Median);

    private static IEnumerable<((int Round, string Source) Key, double Median)> Containers(IEnumerable<Sample> usable)
    {
        ArgumentNullException.ThrowIfNull(usable);
        return usable
            .GroupBy(s => (s.Round, s.Source))
            .OrderBy(g => g.Key.Round)
            .ThenBy(g => g.Key.Source, StringComparer.Ordinal)
            .Select(g => (g.Key, Descriptive.Median(g.Select(s => s.Value).ToArray())));
    }
}
