using IsolationBench.Fingerprint;

namespace IsolationBench.Harness.Startup;

/// <summary>Reads the probe's protocol: line 1 the ready line, line 2 the fingerprint JSON.</summary>
public static class ProbeOutput
{
    public const string ReadyLine = "ISOBENCH-READY";

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
