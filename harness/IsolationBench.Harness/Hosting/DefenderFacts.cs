using System.Text.Json;
using IsolationBench.Results;

namespace IsolationBench.Harness.Hosting;

/// <summary>
/// Reads what <see cref="PowerShellHostQueries"/> prints: a JSON object with MSFT_MpComputerStatus'
/// RealTimeProtectionEnabled and MSFT_MpPreference's ExclusionPath (an array), and CIM booleans ("True"/"False").
/// </summary>
public static class DefenderFacts
{
    /// <summary>What Get-MpPreference puts in ExclusionPath for a user who is not an administrator.</summary>
    public const string HiddenExclusionsPrefix = "N/A:";

    /// <summary>The state, or null when the output is not that object (Defender absent, another antivirus owns the host).</summary>
    public static DefenderState? Parse(string output, string? dataRoot)
    {
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            using var document = JsonDocument.Parse(output.Trim());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("RealTimeProtectionEnabled", out var realTime)
                || realTime.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return null;
            }

            var exclusions = root.TryGetProperty("ExclusionPath", out var paths) ? Strings(paths) : [];
            return new DefenderState(realTime.GetBoolean(), Covers(exclusions, dataRoot));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether an exclusion covers <paramref name="dataRoot"/> (the directory itself or one above it, case-insensitive).
    /// Null when it cannot be told: no data root, exclusions hidden from a non-elevated user, or an exclusion with a
    /// wildcard or an environment variable that Defender expands and we do not.
    /// </summary>
    public static bool? Covers(IReadOnlyList<string> exclusions, string? dataRoot)
    {
        ArgumentNullException.ThrowIfNull(exclusions);
        if (string.IsNullOrWhiteSpace(dataRoot) || exclusions.Any(e => e.StartsWith(HiddenExclusionsPrefix, StringComparison.Ordinal)))
        {
            return null;
        }

        var root = Normalise(dataRoot);
        if (exclusions.Select(Normalise).Any(e => e.Length > 0 && (root.Equals(e, StringComparison.OrdinalIgnoreCase)
            || root.StartsWith(e + "\\", StringComparison.OrdinalIgnoreCase))))
        {
            return true;
        }

        return exclusions.Any(e => e.Contains('*', StringComparison.Ordinal) || e.Contains('?', StringComparison.Ordinal) || e.Contains('%', StringComparison.Ordinal))
            ? null
            : false;
    }

    /// <summary>"True"/"False" as PowerShell prints a boolean; null for anything else (an empty answer, an error).</summary>
    public static bool? ParseBoolean(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = output.Trim();
        return text.Equals("True", StringComparison.OrdinalIgnoreCase) ? true
            : text.Equals("False", StringComparison.OrdinalIgnoreCase) ? false
            : null;
    }

    private static List<string> Strings(JsonElement paths) => paths.ValueKind switch
    {
        JsonValueKind.Array => [.. paths.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()!)],
        JsonValueKind.String => [paths.GetString()!],
        _ => [],
    };

    private static string Normalise(string path) => path.Trim().Replace('/', '\\').TrimEnd('\\');
}
