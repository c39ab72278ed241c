namespace IsolationBench.Reporting.Export;

/// <summary>One entry of github-action-benchmark's "customSmallerIsBetter" / "customBiggerIsBetter" JSON.</summary>
public sealed record BenchmarkActionEntry(string Name, string Unit, double Value, string? Range, string? Extra);
