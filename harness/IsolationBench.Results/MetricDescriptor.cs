using System.Text.Json.Serialization;

namespace IsolationBench.Results;

/// <summary>
/// What a metric is, declared by the workload that emits it rather than guessed from its unit: its id (samples.csv's
/// metric), the name readers see, its unit and which way is better.
/// </summary>
public sealed record MetricDescriptor(string Workload, string Id, string DisplayName, string Unit, MetricDirection Direction)
{
    [JsonIgnore]
    public bool HigherIsBetter => Direction == MetricDirection.HigherIsBetter;
}
