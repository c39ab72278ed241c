using System.Globalization;
using IsolationBench.Harness.Matrix;
using Spectre.Console;

namespace IsolationBench.Cli.Output;

/// <summary>
/// Spectre.Console's live progress: one bar for the whole matrix (the harness's own ETA, which knows each workload's
/// cost per cell) and one bar per workload kind (its cells done, Spectre's ETA from its pace), each naming its current
/// cell and last value. Failures and messages print above the bars.
/// </summary>
internal sealed class LiveProgress(IAnsiConsole console) : IRunProgress
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ProgressTask> _bars = new(StringComparer.Ordinal);
    private ProgressContext? _context;
    private ProgressTask? _all;

    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                lock (_gate)
                {
                    _context = context;
                }

                try
                {
                    return await work().ConfigureAwait(false);
                }
                finally
                {
                    lock (_gate)
                    {
                        _context = null;
                    }
                }
            }).ConfigureAwait(false);
    }

    public void Report(MatrixProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (value.Failure is not null)
            {
                console.MarkupLine($"  [red]failed[/]: {Markup.Escape(value.Cell.Key)}: {Markup.Escape(value.Failure)}");
            }

            if (_context is not { } context)
            {
                return;
            }

            _all ??= context.AddTask("all cells", maxValue: value.Total);
            _all.Value = value.Done;
            _all.Description = Invariant($"all cells {value.Done}/{value.Total} · ETA {Eta(value.Remaining)}");
            foreach (var (workload, total) in value.TotalByWorkload.Where(w => !_bars.ContainsKey(w.Key)))
            {
                _bars[workload] = context.AddTask(Markup.Escape(workload), maxValue: total);
            }

            if (_bars.TryGetValue(value.Cell.Workload, out var bar))
            {
                bar.Increment(1);
                var last = value.HeadlineMilliseconds is { } ms ? Invariant($" [grey]{ms:0.0} ms[/]") : string.Empty;
                var warmup = value.Cell.Warmup ? " (warmup)" : string.Empty;
                bar.Description = Invariant($"{Markup.Escape(value.Cell.Workload),-16} [blue]{Markup.Escape(value.Cell.Mode.Name)}[/] round {value.Cell.Round}{warmup}{last}");
            }
        }
    }

    public void Message(string text)
    {
        lock (_gate)
        {
            console.WriteLine(text);
        }
    }

    public void Dispose()
    {
    }

    private static string Eta(TimeSpan t) => t.TotalHours >= 1
        ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
