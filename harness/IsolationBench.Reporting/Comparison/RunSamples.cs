using IsolationBench.Results;

namespace IsolationBench.Reporting.Comparison;

/// <summary>One run's usable samples (verified modes only) and its CPU-control verdict, as compare needs them.</summary>
public sealed record RunSamples(
    string RunId,
    DateTimeOffset StartedUtc,
    string Directory,
    IReadOnlyList<Sample> Samples,
    IReadOnlyList<string> NoiseReasons)
{
    public bool IsNoisy => NoiseReasons.Count > 0;
}

/// <summary>One side of a comparison: a run directory, or the last N runs of a history (pooled, see <see cref="HierarchicalBootstrap"/>).</summary>
public sealed record CompareSide(string Label, IReadOnlyList<RunSamples> Runs, IReadOnlyList<string> Notes)
{
    public bool IsNoisy => Runs.Any(r => r.IsNoisy);

    public IEnumerable<string> NoiseReasons => Runs.SelectMany(r => r.NoiseReasons.Select(n => r.RunId + ": " + n));
}
