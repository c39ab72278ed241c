namespace IsolationBench.Results;

/// <summary>
/// Which way is better for each metric of a run: what manifest.json declares, else — only for run directories written
/// before metrics were declared — the guess from the unit (<see cref="Units.HigherIsBetter"/>; a phase in ms is lower
/// is better either way).
/// </summary>
public sealed class MetricDirections
{
    private readonly Dictionary<(string Workload, string Metric), MetricDirection> _declared = [];

    public MetricDirections(IEnumerable<MetricDescriptor> declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        foreach (var d in declared)
        {
            _declared[(d.Workload, d.Id)] = d.Direction;
        }
    }

    /// <summary>The run's own declarations (manifest.json "metrics"; absent in older runs) over the built-in ones.</summary>
    public static MetricDirections Of(RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new MetricDirections(manifest.Metrics ?? []);
    }

    /// <summary>Only the unit guess: for rows that come with no manifest.</summary>
    public static MetricDirections BuiltIn { get; } = new([]);

    public bool HigherIsBetter(string workload, string metric, string unit) =>
        _declared.TryGetValue((workload, metric), out var direction)
            ? direction == MetricDirection.HigherIsBetter
            : Units.HigherIsBetter(unit);
}
