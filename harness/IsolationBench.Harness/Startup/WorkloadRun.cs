using System.Buffers;
using System.Text;

namespace IsolationBench.Harness.Startup;

/// <summary>The outcome of one container or host process: timings when it succeeded, a reason when it did not.</summary>
public sealed record WorkloadRun
{
    public required string Source { get; init; }

    public PhaseTimings? Timings { get; init; }

    public long? ExitCode { get; init; }

    public required string StdOut { get; init; }

    public required string StdErr { get; init; }

    /// <summary>Null when the run succeeded; else one line: "timeout after 30 s (phase ready)", "exit code 137 (OOM-killed)"…</summary>
    public string? Failure { get; init; }

    public bool Ok => Failure is null;

    /// <summary>The first stdout line (the probe's ready line) and the rest.</summary>
    public IReadOnlyList<string> StdOutLines => StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Collects a process's output and notes when each of the first stdout lines completed (the probe's protocol lines).</summary>
internal sealed class OutputCollector
{
    private const int TimedLines = 3;
    private readonly ArrayBufferWriter<byte> _stdout = new();
    private readonly ArrayBufferWriter<byte> _stderr = new();
    private readonly List<long> _lineEnds = [];
    private readonly Lock _gate = new();

    public long? FirstLineAt => LineAt(1);

    /// <summary>
    /// When the probe's work after the ready line was over: its done line (line 3) arrived, or — for a probe that
    /// writes no done line — its fingerprint line (line 2).
    /// </summary>
    public long? FingerprintDoneAt => LineAt(3) ?? LineAt(2);

    /// <summary>When stdout line <paramref name="number"/> (1-based, up to 3) completed; null if it has not.</summary>
    public long? LineAt(int number)
    {
        lock (_gate)
        {
            return number >= 1 && number <= _lineEnds.Count ? _lineEnds[number - 1] : null;
        }
    }

    public void Add(ReadOnlySpan<byte> data, bool isStdErr, long timestamp)
    {
        lock (_gate)
        {
            if (isStdErr)
            {
                _stderr.Write(data);
                return;
            }

            // Chunks arrive as written; lines that complete in the same chunk share its arrival time.
            for (var i = 0; i < data.Length && _lineEnds.Count < TimedLines; i++)
            {
                if (data[i] == (byte)'\n')
                {
                    _lineEnds.Add(timestamp);
                }
            }

            _stdout.Write(data);
        }
    }

    public string StdOut
    {
        get
        {
            lock (_gate)
            {
                return Encoding.UTF8.GetString(_stdout.WrittenSpan);
            }
        }
    }

    public string StdErr
    {
        get
        {
            lock (_gate)
            {
                return Encoding.UTF8.GetString(_stderr.WrittenSpan);
            }
        }
    }
}
