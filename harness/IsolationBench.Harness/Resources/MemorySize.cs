using System.Globalization;

namespace IsolationBench.Harness.Resources;

/// <summary>Memory sizes as users type them: "2g", "2GiB", "512m", "512MiB", or bytes. Units are binary (1g = 1024³).</summary>
public static class MemorySize
{
    private static readonly (string Suffix, long Factor)[] Suffixes =
    [
        ("gib", 1L << 30), ("gb", 1L << 30), ("g", 1L << 30),
        ("mib", 1L << 20), ("mb", 1L << 20), ("m", 1L << 20),
        ("kib", 1L << 10), ("kb", 1L << 10), ("k", 1L << 10),
        ("b", 1),
    ];

    /// <summary>Parses a size; null when the text is not one.</summary>
    public static long? TryParse(string? text)
    {
        var t = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        var (suffix, factor) = Suffixes.FirstOrDefault(s => t.EndsWith(s.Suffix, StringComparison.Ordinal));
        var number = suffix is null ? t : t[..^suffix.Length];
        if (suffix is null)
        {
            factor = 1;
        }

        return decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0
            && value * factor <= long.MaxValue
            ? (long)decimal.Floor(value * factor)
            : null;
    }

    public static string Format(long bytes) =>
        bytes % (1L << 30) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 30} GiB")
        : bytes % (1L << 20) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
}
