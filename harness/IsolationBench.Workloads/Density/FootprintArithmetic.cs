using IsolationBench.Harness;
using System.Globalization;

namespace IsolationBench.Workloads.Density;

/// <summary>The memory arithmetic of one ladder step: totals over N containers turned into MiB per container.</summary>
public static class FootprintArithmetic
{
    private const double Mebibyte = 1024.0 * 1024.0;

    /// <summary>MemAvailable's drop from before the first container to now, per container; negative when the host freed memory meanwhile (kept: it is what was seen).</summary>
    public static double AvailableDropPerContainerMib(MemInfo before, MemInfo now, int containers)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(now);
        ArgumentOutOfRangeException.ThrowIfLessThan(containers, 1);
        return (before.AvailableBytes - now.AvailableBytes) / Mebibyte / containers;
    }

    public static double PerContainerMib(long totalBytes, int containers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(containers, 1);
        return totalBytes / Mebibyte / containers;
    }

    /// <summary>The Pss line of /proc/PID/smaps_rollup, in bytes (the process's proportional share of the pages it maps).</summary>
    /// <exception cref="FormatException">No Pss line.</exception>
    public static long PssBytes(string smapsRollup)
    {
        ArgumentNullException.ThrowIfNull(smapsRollup);
        foreach (var line in smapsRollup.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (MemInfo.KibField(line, "Pss:") is { } kib)
            {
                return kib * 1024;
            }
        }

        throw new FormatException("smaps_rollup has no Pss line");
    }

    /// <summary>
    /// A kernel stack per thread: THREAD_SIZE, 16 KiB on x86-64 and arm64 (the kernel does not report it per process).
    /// </summary>
    public const long KernelStackBytes = 16 * 1024;

    /// <summary>
    /// What the kernel holds for a process beyond the pages its PSS counts, from /proc/PID/status: its page tables
    /// (VmPTE) and a kernel stack per thread (Threads × <see cref="KernelStackBytes"/>). Slab (dentries, sockets) is
    /// not per process and is left out.
    /// </summary>
    /// <exception cref="FormatException">No VmPTE or Threads line (a kernel thread has no VmPTE: it maps nothing of its own).</exception>
    public static long KernelBytes(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        long? pageTables = null;
        long? threads = null;
        foreach (var line in status.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            pageTables ??= MemInfo.KibField(line, "VmPTE:") * 1024;
            if (line.StartsWith("Threads:", StringComparison.Ordinal)
                && long.TryParse(line["Threads:".Length..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                threads = n;
            }
        }

        return pageTables is { } pte && threads is { } t
            ? pte + (t * KernelStackBytes)
            : throw new FormatException("status has no VmPTE or no Threads line");
    }

    /// <summary>A cgroup memory file's single number (memory.usage_in_bytes on v1, memory.current on v2).</summary>
    public static long CgroupBytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? bytes
            : throw new FormatException($"'{text.Trim()}' is not a byte count");
    }
}
