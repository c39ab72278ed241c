using System.Buffers;
using System.Text;

namespace IsolationBench.Harness.Cages;

/// <summary>
/// A cage's output as it arrives: stdout split into lines, each with the arrival time of the chunk that completed it
/// (lines completed by one chunk share its time: the chunk is when the harness could first know), stderr kept whole.
/// Lines are split on bytes and decoded whole, so a character split across two chunks survives. Waiters for a line are
/// answered as it arrives, or with null once the output has ended (<see cref="Complete"/>).
/// </summary>
public sealed class CageOutput
{
    private readonly ArrayBufferWriter<byte> _stdout = new();
    private readonly ArrayBufferWriter<byte> _stderr = new();
    private readonly List<OutputLine> _lines = [];
    private readonly List<(Func<OutputLine, bool> Match, TaskCompletionSource<OutputLine?> Seen)> _waiters = [];
    private readonly Lock _gate = new();
    private int _partialStart;
    private bool _complete;

    public string StdOut => Decode(_stdout);

    public string StdErr => Decode(_stderr);

    public IReadOnlyList<OutputLine> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Whether the output has ended (every stream closed).</summary>
    public bool IsComplete
    {
        get
        {
            lock (_gate)
            {
                return _complete;
            }
        }
    }

    public long? FirstLineAt => LineAt(1);

    /// <summary>
    /// When the probe's work after its ready line was over: its done line (line 3) arrived, or — for a probe that writes
    /// no done line — its fingerprint line (line 2).
    /// </summary>
    public long? FingerprintDoneAt => LineAt(3) ?? LineAt(2);

    /// <summary>When stdout line <paramref name="number"/> (1-based) completed; null if it has not.</summary>
    public long? LineAt(int number)
    {
        lock (_gate)
        {
            return number >= 1 && number <= _lines.Count ? _lines[number - 1].Arrived : null;
        }
    }

    /// <summary>": " and stderr's last non-empty line, or nothing: the tail every failure message ends with.</summary>
    public string Tail() => LastErrorLine() is { } last ? ": " + last : string.Empty;

    public string? LastErrorLine() =>
        StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();

    public void Add(ReadOnlySpan<byte> data, bool isStdErr, long arrived)
    {
        lock (_gate)
        {
            if (isStdErr)
            {
                _stderr.Write(data);
                return;
            }

            var from = _stdout.WrittenCount;
            _stdout.Write(data);
            var all = _stdout.WrittenSpan;
            for (var i = from; i < all.Length; i++)
            {
                if (all[i] == (byte)'\n')
                {
                    Arrive(new OutputLine(Encoding.UTF8.GetString(all[_partialStart..i]).TrimEnd('\r'), _lines.Count + 1, arrived));
                    _partialStart = i + 1;
                }
            }
        }
    }

    /// <summary>The output ended: every line still awaited is null.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _complete = true;
            foreach (var waiter in _waiters)
            {
                waiter.Seen.TrySetResult(null);
            }

            _waiters.Clear();
        }
    }

    /// <summary>The first stdout line that <paramref name="match"/> accepts (already arrived or yet to come), or null when the output ended without one.</summary>
    public Task<OutputLine?> LineAsync(Func<OutputLine, bool> match, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        lock (_gate)
        {
            foreach (var line in _lines.Where(match))
            {
                return Task.FromResult<OutputLine?>(line);
            }

            if (_complete)
            {
                return Task.FromResult<OutputLine?>(null);
            }

            var waiter = new TaskCompletionSource<OutputLine?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, waiter));
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The first stdout line starting with <paramref name="prefix"/>, or null when the output ended without one.</summary>
    public Task<OutputLine?> LineStartingAsync(string prefix, CancellationToken cancellationToken) =>
        LineAsync(l => l.Text.StartsWith(prefix, StringComparison.Ordinal), cancellationToken);

    private void Arrive(OutputLine line)
    {
        _lines.Add(line);
        foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
        {
            _waiters.Remove(waiter);
            waiter.Seen.TrySetResult(line);
        }
    }

    private string Decode(ArrayBufferWriter<byte> buffer)
    {
        lock (_gate)
        {
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }
}
