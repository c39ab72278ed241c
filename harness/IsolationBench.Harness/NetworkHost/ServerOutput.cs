using System.Globalization;
using System.Text;
using IsolationBench.Fingerprint;

namespace IsolationBench.Harness.NetworkHost;

/// <summary>
/// The output of `isobench-guest serve`, as it arrives: line 1 "ISOBENCH-READY port=N" once it listens, line 2 its
/// isolation fingerprint as one JSON line. <see cref="Ready"/> completes when both lines are in, or the output ended first.
/// </summary>
internal sealed class ServerOutput
{
    public const string ReadyLine = "ISOBENCH-READY";

    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();

    public Task Ready => _ready.Task;

    public string StdOut
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StdErr
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    public void Add(string text, bool isStdErr)
    {
        lock (_gate)
        {
            (isStdErr ? _stderr : _stdout).Append(text);
            if (!isStdErr && _stdout.ToString().Count(c => c == '\n') >= 2)
            {
                _ready.TrySetResult();
            }
        }
    }

    /// <summary>The server's output ended (it exited): whatever it wrote is all there is.</summary>
    public void Complete() => _ready.TrySetResult();

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
