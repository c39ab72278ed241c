namespace IsolationBench.Reporting.Analysers;

/// <summary>A (workload, metric, mode) whose figures are shown but whose comparison with the baseline is not judged, and why.</summary>
public sealed record Refusal(string Workload, string Metric, string Mode, string Reason);
