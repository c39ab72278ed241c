using IsolationBench.Harness;
using System.Globalization;
using IsolationBench.Harness.Engine;
using IsolationBench.Results;

namespace IsolationBench.Workloads.Startup;

/// <summary>
/// Records the engine's own view of every measured startup container (create, start, die, destroy with the engine's
/// timeNano) into engine-events.csv while the matrix runs: a clock independent of the harness's, for the report to
/// cross-check the phases against. Losing the stream loses only this check, never the run.
/// </summary>
public sealed class EngineEventRecorder : IAsyncDisposable
{
    /// <summary>How long to keep listening after the matrix, for the last container's destroy event to arrive.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop;
    private readonly EngineEventsWriter _writer;
    private readonly Task _watch;

    private EngineEventRecorder(IContainerEngine engine, string runId, string path, IProgress<string> log, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _writer = new EngineEventsWriter(path);
        var since = DateTimeOffset.UtcNow;
        _watch = Task.Run(async () =>
        {
            try
            {
                await engine.WatchContainerEventsAsync(Labels.Run, runId, since, e => Record(runId, e), _stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is EngineUnavailableException or EngineRequestException)
            {
                log.Report("the engine's event stream ended (" + ex.Message.Split('\n')[0] + "): engine-events.csv stops here");
            }
        }, CancellationToken.None); // The watch stops on _stop; DisposeAsync always awaits it.
    }

    public static EngineEventRecorder Start(IContainerEngine engine, string runId, string path, IProgress<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(log);
        return new EngineEventRecorder(engine, runId, path, log, cancellationToken);
    }

    /// <summary>The row for an event, or null when it is not a measured startup container's (guest, warmup, engine-bench).</summary>
    public static EngineEventRow? ToRow(string runId, ContainerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.TimeUnixNano <= 0 || e.ContainerId.Length == 0
            || e.Attributes.GetValueOrDefault(Labels.Workload) != StartupWorkloads.Startup
            || !int.TryParse(e.Attributes.GetValueOrDefault(Labels.Round), NumberStyles.None, CultureInfo.InvariantCulture, out var round)
            || e.Attributes.GetValueOrDefault(Labels.Mode) is not { Length: > 0 } mode)
        {
            return null;
        }

        return new EngineEventRow
        {
            RunId = runId,
            Round = round,
            Mode = mode,
            Source = e.ContainerId[..Math.Min(12, e.ContainerId.Length)],
            Action = e.Action,
            TimeUnixNano = e.TimeUnixNano,
        };
    }

    private void Record(string runId, ContainerEvent e)
    {
        if (ToRow(runId, e) is { } row)
        {
            _writer.Write(row);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Task.Delay(Grace, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop at once.
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _watch.ConfigureAwait(false);
        _writer.Dispose();
        _stop.Dispose();
    }
}
