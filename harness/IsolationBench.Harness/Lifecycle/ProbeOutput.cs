using IsolationBench.Harness;
using IsolationBench.Fingerprint;

namespace IsolationBench.Harness.Lifecycle;

/// <summary>
/// Reads the probe's protocol: line 1 the ready line, line 2 the fingerprint JSON, line 3 the done line (its arrival
/// ends the fingerprint phase; a probe without it — older builds, recorded engines — ends the phase at line 2). The done
/// line may carry the probe's own measure of its fingerprint work: "ISOBENCH-DONE fingerprint_us=N".
/// </summary>
public static class ProbeOutput
{
    public const string ReadyLine = "ISOBENCH-READY";

    public const string DoneLine = "ISOBENCH-DONE";

    public static (IsolationFingerprint? Fingerprint, string? Problem) Parse(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0 || lines[0] != ReadyLine)
        {
            return (null, $"the probe's first line was not {ReadyLine}");
        }

        if (lines.Length < 2)
        {
            return (null, "the probe wrote no fingerprint line");
        }

        if (lines.Length > 2 && lines[2] != DoneLine && !lines[2].StartsWith(DoneLine + " ", StringComparison.Ordinal))
        {
            return (null, $"the probe's third line was not {DoneLine}");
        }

        try
        {
            return (FingerprintJson.Parse(lines[1]), null);
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>
    /// The probe's own measure of its fingerprint work in milliseconds, from "ISOBENCH-DONE fingerprint_us=N"; null
    /// when the done line is missing or carries none (older probes, recorded engines).
    /// </summary>
    public static double? FingerprintMilliseconds(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        const string Key = DoneLine + " fingerprint_us=";
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 2 && lines[2].StartsWith(Key, StringComparison.Ordinal)
            && long.TryParse(lines[2].AsSpan(Key.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var us)
            ? us / 1000.0
            : null;
    }
}
