using IsolationBench.Results;
namespace IsolationBench.Workloads.Density;

/// <summary>
/// The density workload's metrics: per ladder step (samples.csv's iteration = containers alive), the host memory per
/// container three ways, the k-th container's start latency (iteration = k), how many containers the ladder
/// reached, and then K concurrent launches (iteration = K): throughput and each launch's latency. The one definition; the harness writes these and the reports read them.
/// </summary>
public static class DensityMetrics
{
    public const string Workload = "density";

    public const string MebibytesPerContainer = "MiB/container";

    public const string Containers = "containers";

    public const string ContainersPerSecond = "containers/s";

    /// <summary>The drop of the host's MemAvailable since before the first container, divided by the containers alive.</summary>
    public const string AvailableDrop = "mem_available_drop";

    /// <summary>The sum of PSS over every process of the containers, the runtime's own (shim, sentry, gofer) included, per container.</summary>
    public const string Pss = "pss";

    /// <summary>
    /// The page tables and kernel stacks of the same processes as <see cref="Pss"/>, per container: kernel memory the host
    /// pays that no PSS counts (a sandbox's many threads and address spaces make it matter: gVisor's sentry, its stubs).
    /// </summary>
    public const string KernelMemory = "kernel_memory";

    /// <summary>The containers' cgroup charge (what `docker stats` shows), per container; not written for host processes.</summary>
    public const string CgroupCharge = "cgroup_charge";

    /// <summary>The k-th container's create → ready line (host: spawn → ready line).</summary>
    public const string StartLatency = "start_latency";

    /// <summary>How many containers were alive at the ladder's last step.</summary>
    public const string Reached = "containers_reached";

    /// <summary>K lifecycles launched at once (iteration = K): K / (first create → last removal), in containers per second.</summary>
    public const string LaunchThroughput = "launch_throughput";

    /// <summary>One lifecycle of a launch batch (iteration = K): create → ready line while K - 1 others launch beside it.</summary>
    public const string LaunchLatency = "launch_latency";

    /// <summary>The launch batch sizes: K concurrent lifecycles, capped at --density-max.</summary>
    public static readonly IReadOnlyList<int> LaunchConcurrency = [1, 2, 4, 8];

    public static readonly IReadOnlyList<MetricDescriptor> Descriptors =
    [
        new(Workload, AvailableDrop, "MemAvailable drop per container", MebibytesPerContainer, MetricDirection.LowerIsBetter),
        new(Workload, Pss, "PSS per container (runtime included)", MebibytesPerContainer, MetricDirection.LowerIsBetter),
        new(Workload, CgroupCharge, "cgroup charge per container", MebibytesPerContainer, MetricDirection.LowerIsBetter),
        new(Workload, KernelMemory, "page tables and kernel stacks per container", MebibytesPerContainer, MetricDirection.LowerIsBetter),
        new(Workload, StartLatency, "k-th container's start (create → ready)", Units.Milliseconds, MetricDirection.LowerIsBetter),
        new(Workload, Reached, "containers alive at the last step", Containers, MetricDirection.HigherIsBetter),
        new(Workload, LaunchThroughput, "K concurrent create → ready → remove lifecycles per second", ContainersPerSecond, MetricDirection.HigherIsBetter),
        new(Workload, LaunchLatency, "create → ready of one of K concurrent launches", Units.Milliseconds, MetricDirection.LowerIsBetter),
    ];
}
