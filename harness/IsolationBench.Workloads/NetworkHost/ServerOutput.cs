using IsolationBench.Harness;
using System.Globalization;
using IsolationBench.Fingerprint;

namespace IsolationBench.Workloads.NetworkHost;

/// <summary>
/// The output of `isobench-guest serve`: line 1 "ISOBENCH-READY port=N" once it listens, line 2 its isolation fingerprint
/// as one JSON line.
/// </summary>
internal static class ServerOutput
{
    public const string ReadyLine = "ISOBENCH-READY";

    /// <summary>The port the server listens on and where it runs, or why the output does not say.</summary>
    public static (int Port, IsolationFingerprint? Fingerprint, string? Problem) Parse(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        const string Prefix = ReadyLine + " port=";
        if (lines.Length == 0 || !lines[0].StartsWith(Prefix, StringComparison.Ordinal)
            || !int.TryParse(lines[0].AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return (0, null, $"the server's first line was not \"{Prefix}N\"");
        }

        if (lines.Length < 2)
        {
            return (port, null, "the server wrote no fingerprint line");
        }

        try
        {
            return (port, FingerprintJson.Parse(lines[1]), null);
        }
        catch (FormatException ex)
        {
            return (port, null, ex.Message);
        }
    }
}
