using IsolationBench.Harness;
namespace IsolationBench.Workloads.Density;

/// <summary>Launch throughput from a batch's recorded times. Pure.</summary>
public static class LaunchArithmetic
{
    /// <summary>
    /// Whole lifecycles per second: the batch's size over the time from its first create to its last removal (so a
    /// runtime that starts fast but removes slowly does not look faster than it lets a host turn containers over).
    /// </summary>
    public static double ContainersPerSecond(IReadOnlyList<LaunchLifecycle> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return double.NaN;
        }

        var span = batch.Max(l => l.RemovedMs) - batch.Min(l => l.CreatedMs);
        return span > 0 ? batch.Count / (span / 1000.0) : double.NaN;
    }

    /// <summary>Each lifecycle's create → ready, in milliseconds, in the batch's order.</summary>
    public static IReadOnlyList<double> Latencies(IReadOnlyList<LaunchLifecycle> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return [.. batch.Select(l => l.ReadyMs - l.CreatedMs)];
    }
}
