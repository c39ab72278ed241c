using System.Globalization;
using IsolationBench.Harness.Matrix;

namespace IsolationBench.Cli.Output;

/// <summary>
/// Progress as plain lines, for CI logs, pipes and scripts (<see cref="Terminal.IsRich"/> false): one line at ~5 % steps, so
/// logs stay short but show the run is alive. Failures are always printed. A terminal gets <see cref="LiveProgress"/> instead.
/// </summary>
internal sealed class ProgressPrinter(TextWriter output) : IRunProgress
{
    private readonly Lock _gate = new();
    private int _lastPercentPrinted = -1;

    public void Report(MatrixProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            var percent = value.Done * 100 / Math.Max(1, value.Total);
            if (value.Failure is not null)
            {
                output.WriteLine($"  failed: {value.Cell.Key}: {value.Failure}");
            }

            if (percent / 5 != _lastPercentPrinted / 5 || value.Done == value.Total)
            {
                _lastPercentPrinted = percent;
                output.WriteLine(Line(value, percent));
            }

            output.Flush();
        }
    }

    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return await work().ConfigureAwait(false);
    }

    public void Message(string text)
    {
        lock (_gate)
        {
            output.WriteLine(text);
        }
    }

    public void Dispose()
    {
    }

    /// <summary>"[####................]   40/200  20% startup  runc     round 7            245.1 ms  ETA 1:02" — scripts parse it.</summary>
    internal static string Line(MatrixProgress value, int percent)
    {
        var last = value.HeadlineMilliseconds is { } ms ? string.Create(CultureInfo.InvariantCulture, $"{ms,8:0.0} ms") : "        ";
        var bar = new string('#', percent / 5).PadRight(20, '.');
        return string.Create(CultureInfo.InvariantCulture,
            $"[{bar}] {value.Done,4}/{value.Total} {percent,3}% {value.Cell.Workload,-8} {value.Cell.Mode.Name,-8} round {value.Cell.Round,-3}{(value.Cell.Warmup ? " (warmup)" : "         ")} {last}  ETA {Eta(value.Remaining)}");
    }

    private static string Eta(TimeSpan t) => t.TotalHours >= 1
        ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
