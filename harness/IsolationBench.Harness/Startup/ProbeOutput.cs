using IsolationBench.Fingerprint;

namespace IsolationBench.Harness.Startup;

/// <summary>
/// Reads the probe's protocol: line 1 the ready line, line 2 the fingerprint JSON, line 3 the done line (its arrival
/// ends the fingerprint phase; a probe without it — older builds, recorded engines — ends the phase at line 2).
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

        if (lines.Length > 2 && lines[2] != DoneLine)
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
}
