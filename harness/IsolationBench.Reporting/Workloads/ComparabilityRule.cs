namespace IsolationBench.Reporting.Workloads;

/// <summary>Null when a ratio of <paramref name="metric"/> between the two modes is meaningful; otherwise why not (shown instead of a ratio).</summary>
/// <param name="metric">the workload's metric.</param>
/// <param name="mode">the mode divided.</param>
/// <param name="other">the mode it is divided by (the baseline, or its pair partner).</param>
/// <param name="hostLike">whether a mode is a plain host process rather than a container.</param>
public delegate string? ComparabilityRule(string metric, string mode, string other, Func<string, bool> hostLike);
