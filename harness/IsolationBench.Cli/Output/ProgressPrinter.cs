using System.Globalization;
using IsolationBench.Harness.Matrix;

namespace IsolationBench.Cli.Output;

/// <summary>
/// A live progress line on a terminal (rewritten in place, with ETA); plain lines at ~5 % steps when output is
/// redirected (CI logs), so logs stay short but show the run is alive. Failures are always printed.
/// </summary>
internal sealed class ProgressPrinter(TextWriter output, bool interactive) : IProgress<MatrixProgress>, IDisposable
{
    private readonly Lock _gate = new();
    private int _lastPercentPrinted = -1;
    private bool _lineOpen;

    public void Report(MatrixProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            var percent = value.Done * 100 / Math.Max(1, value.Total);
            var last = value.HeadlineMilliseconds is { } ms ? string.Create(CultureInfo.InvariantCulture, $"{ms,8:0.0} ms") : "        ";
            var bar = new string('#', percent / 5).PadRight(20, '.');
            var line = string.Create(CultureInfo.InvariantCulture,
                $"[{bar}] {value.Done,4}/{value.Total} {percent,3}% {value.Cell.Workload,-8} {value.Cell.Mode.Name,-8} round {value.Cell.Round,-3}{(value.Cell.Warmup ? " (warmup)" : "         ")} {last}  ETA {Eta(value.Remaining)}");
            if (value.Failure is not null)
            {
                CloseLine();
                output.WriteLine($"  failed: {value.Cell.Key}: {value.Failure}");
            }

            if (interactive)
            {
                output.Write("\r" + line.PadRight(Console.IsOutputRedirected ? 0 : 79));
                _lineOpen = true;
            }
            else if (percent / 5 != _lastPercentPrinted / 5 || value.Done == value.Total)
            {
                _lastPercentPrinted = percent;
                output.WriteLine(line);
            }

            output.Flush();
        }
    }

    public void Message(string text)
    {
        lock (_gate)
        {
            CloseLine();
            output.WriteLine(text);
        }
    }

    public void Finish()
    {
        lock (_gate)
        {
            CloseLine();
        }
    }

    public void Dispose() => Finish();

    private void CloseLine()
    {
        if (_lineOpen)
        {
            output.WriteLine();
            _lineOpen = false;
        }
    }

    private static string Eta(TimeSpan t) => t.TotalHours >= 1
        ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
