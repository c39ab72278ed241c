using System.Text;

namespace IsolationBench.Harness.App;

/// <summary>
/// A service's or in-container client's output as it arrives, line by line, each stdout line with the harness's clock
/// (Stopwatch ticks) at its arrival: the cold start's boundaries are these arrival times.
/// </summary>
internal sealed class AppOutput
{
    private readonly StringBuilder _partial = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<(string Line, long Arrived)> _lines = [];
    private readonly Lock _gate = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<(string, long)?> Seen)> _waiters = [];
    private bool _complete;

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

    public IReadOnlyList<(string Line, long Arrived)> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public void Add(string text, bool isStdErr, long arrived)
    {
        lock (_gate)
        {
            if (isStdErr)
            {
                _stderr.Append(text);
                return;
            }

            _partial.Append(text);
            var all = _partial.ToString();
            var end = all.LastIndexOf('\n');
            if (end < 0)
            {
                return;
            }

            foreach (var line in all[..end].Split('\n'))
            {
                var trimmed = line.TrimEnd('\r');
                _lines.Add((trimmed, arrived));
                foreach (var waiter in _waiters.Where(w => w.Match(trimmed)).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Seen.TrySetResult((trimmed, arrived));
                }
            }

            _partial.Clear().Append(all[(end + 1)..]);
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

    /// <summary>The first stdout line starting with <paramref name="prefix"/> and its arrival, or null when the output ended without one.</summary>
    public Task<(string Line, long Arrived)?> LineAsync(string prefix, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var seen in _lines.Where(l => l.Line.StartsWith(prefix, StringComparison.Ordinal)))
            {
                return Task.FromResult<(string, long)?>(seen);
            }

            if (_complete)
            {
                return Task.FromResult<(string, long)?>(null);
            }

            var waiter = new TaskCompletionSource<(string, long)?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((l => l.StartsWith(prefix, StringComparison.Ordinal), waiter));
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    public string Tail() =>
        StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() is { } last ? ": " + last : string.Empty;
}
