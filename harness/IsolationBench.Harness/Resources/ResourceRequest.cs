using System.Globalization;

namespace IsolationBench.Harness.Resources;

/// <summary>
/// The CPU and memory every mode gets (--cpus, --memory): containers through the engine, host processes through a
/// cgroup (Linux) or a Job Object (Windows). CPUs are the first <see cref="Cpus"/> logical processors, so that the
/// same processors serve every mode.
/// </summary>
public sealed record ResourceRequest(int Cpus, long MemoryBytes)
{
    public const long DefaultMemoryBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Docker refuses less than 6 MiB; a .NET process needs far more: below this the workload cannot start.</summary>
    public const long MinimumMemoryBytes = 64L * 1024 * 1024;

    /// <summary>All of this machine's CPUs and 2 GiB (the containers' limit before --memory existed).</summary>
    public static ResourceRequest Default => new(Environment.ProcessorCount, DefaultMemoryBytes);

    /// <summary>The Linux cpuset list: "0-3" for 4 CPUs, "0" for one.</summary>
    public string CpusetList => Cpus == 1 ? "0" : string.Create(CultureInfo.InvariantCulture, $"0-{Cpus - 1}");

    /// <summary>The Windows affinity mask of the first <see cref="Cpus"/> processors (one processor group: at most 64).</summary>
    public ulong AffinityMask => Cpus >= 64 ? ulong.MaxValue : (1UL << Cpus) - 1;

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Cpus} CPU(s), {MemorySize.Format(MemoryBytes)}");
}
