using System.Globalization;

namespace IsolationBench.Harness.Density;

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

    /// <summary>A cgroup memory file's single number (memory.usage_in_bytes on v1, memory.current on v2).</summary>
    public static long CgroupBytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? bytes
            : throw new FormatException($"'{text.Trim()}' is not a byte count");
    }
}
