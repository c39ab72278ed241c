namespace IsolationBench.Results.Workloads;

/// <summary>
/// The first container of a mode in a cold-start workload is kept apart from the warm ones: its rows are written again
/// under this prefix in round 0 (first.total), because a first start (image layers, page cache cold) is its own figure.
/// </summary>
public static class FirstContainer
{
    public const string Prefix = "first.";

    public static string Metric(string metric) => Prefix + metric;

    public static bool IsFirst(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.StartsWith(Prefix, StringComparison.Ordinal);
    }
}
