namespace IsolationBench.Results;

/// <summary>
/// The density workload's metrics: per ladder step (samples.csv's iteration = containers alive), the host memory per
/// container three ways, the k-th container's start latency (iteration = k), and how many containers the ladder
/// reached. The one definition; the harness writes these and the reports read them.
/// </summary>
public static class DensityMetrics
{
    public const string Workload = "density";

    public const string MebibytesPerContainer = "MiB/container";

    public const string Containers = "containers";

    /// <summary>The drop of the host's MemAvailable since before the first container, divided by the containers alive.</summary>
    public const string AvailableDrop = "mem_available_drop";

    /// <summary>The sum of PSS over every process of the containers, the runtime's own (shim, sentry, gofer) included, per container.</summary>
    public const string Pss = "pss";

    /// <summary>The containers' cgroup charge (what `docker stats` shows), per container; not written for host processes.</summary>
    public const string CgroupCharge = "cgroup_charge";

    /// <summary>The k-th container's create → ready line (host: spawn → ready line).</summary>
    public const string StartLatency = "start_latency";

    /// <summary>How many containers were alive at the ladder's last step.</summary>
    public const string Reached = "containers_reached";

    public static readonly IReadOnlyList<MetricDescriptor> Descriptors =
    [
        new(Workload, AvailableDrop, "MemAvailable drop per container", MebibytesPerContainer, MetricDirection.LowerIsBetter),
        new(Workload, Pss, "PSS per container (runtime included)", MebibytesPerContainer, MetricDirection.LowerIsBetter),
        new(Workload, CgroupCharge, "cgroup charge per container", MebibytesPerContainer, MetricDirection.LowerIsBetter),
        new(Workload, StartLatency, "k-th container's start (create → ready)", Units.Milliseconds, MetricDirection.LowerIsBetter),
        new(Workload, Reached, "containers alive at the last step", Containers, MetricDirection.HigherIsBetter),
    ];
}
