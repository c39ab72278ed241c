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

/// <summary>Collects a process's output and notes when the first stdout line completed.</summary>
internal sealed class OutputCollector
{
    private readonly ArrayBufferWriter<byte> _stdout = new();
    private readonly ArrayBufferWriter<byte> _stderr = new();
    private readonly Lock _gate = new();

    public long? FirstLineAt { get; private set; }

    public void Add(ReadOnlySpan<byte> data, bool isStdErr, long timestamp)
    {
        lock (_gate)
        {
            if (isStdErr)
            {
                _stderr.Write(data);
                return;
            }

            if (FirstLineAt is null && data.Contains((byte)'\n'))
            {
                FirstLineAt = timestamp;
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
