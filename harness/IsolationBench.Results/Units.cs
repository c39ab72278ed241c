namespace IsolationBench.Results;

/// <summary>Which way is better for a unit: times are lower-is-better, rates higher-is-better.</summary>
public static class Units
{
    public const string Milliseconds = "ms";
    public const string NanosecondsPerOp = "ns/op";
    public const string MegabytesPerSecond = "MB/s";
    public const string OpsPerSecond = "ops/s";

    public static bool HigherIsBetter(string unit) =>
        unit.EndsWith("/s", StringComparison.Ordinal) && unit != "s";
}
