using System.Text.Json.Serialization;

namespace IsolationBench.Results;

/// <summary>Which way is better for a metric; written as "lower" / "higher" (manifest.json, isobench-units.json).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MetricDirection>))]
public enum MetricDirection
{
    [JsonStringEnumMemberName("lower")]
    LowerIsBetter,

    [JsonStringEnumMemberName("higher")]
    HigherIsBetter,
}
