using IsolationBench.Harness;
using System.Globalization;

namespace IsolationBench.Workloads.Density;

/// <summary>The host's memory as /proc/meminfo gives it: MemTotal and MemAvailable (the kernel's estimate of what can be allocated without swapping).</summary>
public sealed record MemInfo(long TotalBytes, long AvailableBytes)
{
    public const string Path = "/proc/meminfo";

    /// <exception cref="FormatException">MemTotal or MemAvailable is missing (a kernel older than 3.14, or not Linux).</exception>
    public static MemInfo Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        long? total = null, available = null;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (KibField(line, "MemTotal:") is { } t)
            {
                total = t * 1024;
            }
            else if (KibField(line, "MemAvailable:") is { } a)
            {
                available = a * 1024;
            }
        }

        return total is null || available is null
            ? throw new FormatException("/proc/meminfo has no MemTotal or MemAvailable line")
            : new MemInfo(total.Value, available.Value);
    }

    public static MemInfo Read() => Parse(File.ReadAllText(Path));

    /// <summary>The number of a "Name:   1234 kB" line (kibibytes), or null when the line is another field's.</summary>
    internal static long? KibField(string line, string name)
    {
        if (!line.StartsWith(name, StringComparison.Ordinal))
        {
            return null;
        }

        var value = line[name.Length..].Trim();
        if (value.EndsWith("kB", StringComparison.Ordinal))
        {
            value = value[..^2].TrimEnd();
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var kib)
            ? kib
            : throw new FormatException($"cannot read '{line.Trim()}' as kibibytes");
    }
}
