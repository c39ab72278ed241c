namespace IsolationBench.Results;

/// <summary>The units the suite writes, and the old guess of a metric's direction from its unit.</summary>
public static class Units
{
    public const string Milliseconds = "ms";
    public const string NanosecondsPerOp = "ns/op";
    public const string MegabytesPerSecond = "MB/s";
    public const string OpsPerSecond = "ops/s";

    /// <summary>
    /// The fallback for metrics nobody declared (run directories written before <see cref="MetricDescriptor"/>):
    /// a unit ending in "/s" is a rate, higher is better; anything else lower. Wrong for a count such as "containers"
    /// (how many fit: higher is better), so metrics declare their direction (<see cref="MetricDirections"/>).
    /// </summary>
    public static bool HigherIsBetter(string unit) =>
        unit.EndsWith("/s", StringComparison.Ordinal) && unit != "s";
}
