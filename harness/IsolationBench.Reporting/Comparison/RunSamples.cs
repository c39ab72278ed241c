using IsolationBench.Results;

namespace IsolationBench.Reporting.Comparison;

/// <summary>
/// One run's samples of its verified modes (failed ones included: the gate counts them), its CPU-control verdict, and
/// the modes whose isolation could not be verified (their samples left out), as compare needs them.
/// </summary>
public sealed record RunSamples(
    string RunId,
    DateTimeOffset StartedUtc,
    string Directory,
    IReadOnlyList<Sample> Samples,
    IReadOnlyList<string> NoiseReasons)
{
    public bool IsNoisy => NoiseReasons.Count > 0;

    /// <summary>Modes measured but not verified, with the reason; none of their samples are in <see cref="Samples"/>.</summary>
    public IReadOnlyList<ExcludedMode> Unverified { get; init; } = [];

    /// <summary>Which way is better per metric, as the run's manifest declares (built-in declarations and the unit guess otherwise).</summary>
    public MetricDirections Directions { get; init; } = MetricDirections.BuiltIn;
}

/// <summary>One side of a comparison: a run directory, or the last N runs of a history (pooled, see <see cref="HierarchicalBootstrap"/>).</summary>
public sealed record CompareSide(string Label, IReadOnlyList<RunSamples> Runs, IReadOnlyList<string> Notes)
{
    public bool IsNoisy => Runs.Any(r => r.IsNoisy);

    public IEnumerable<string> NoiseReasons => Runs.SelectMany(r => r.NoiseReasons.Select(n => r.RunId + ": " + n));
}
