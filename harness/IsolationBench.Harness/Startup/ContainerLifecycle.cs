using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Startup;

/// <summary>
/// Runs one container through create → attach → start → ready → fingerprint → exit → [after-exit work] → remove, timing each
/// phase with a monotonic clock. Never leaves the container behind, whatever fails; never throws for a
/// workload failure (that becomes <see cref="WorkloadRun.Failure"/>), only for cancellation and for losing the
/// engine (<see cref="EngineUnavailableException"/>, at any call, cleanup included).
/// </summary>
public sealed class ContainerLifecycle(IContainerEngine engine)
{
    private static readonly TimeSpan RemoveTimeout = TimeSpan.FromSeconds(30);

    /// <param name="afterExit">Work between exit and remove (e.g. copying results out guest containers, whose phases are not recorded); its time lands in remove. After a non-zero exit it runs too, and its errors are dropped: the exit is the failure.</param>
    public async Task<WorkloadRun> RunAsync(
        ContainerSpec spec,
        TimeSpan timeout,
        Func<string, CancellationToken, Task>? afterExit,
        bool requireReadyLine,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var ct = deadline.Token;
        var output = new OutputCollector();
        string? id = null;
        var phase = "create";
        long t0 = Stopwatch.GetTimestamp(), attached = 0, started = 0, exited = 0, inspectTicks = 0;
        long? exitCode = null;
        string? failure = null;
        EngineUnavailableException? lost = null;
        Task? pump = null;
        IContainerOutput? stream = null;
        try
        {
            id = await engine.CreateContainerAsync(spec, ct).ConfigureAwait(false);
            stream = await engine.AttachAsync(id, ct).ConfigureAwait(false);
            attached = Stopwatch.GetTimestamp();
            pump = PumpAsync(stream, output, ct);

            phase = "start";
            await engine.StartAsync(id, ct).ConfigureAwait(false);
            started = Stopwatch.GetTimestamp();

            phase = "exit";
            exitCode = await engine.WaitAsync(id, ct).ConfigureAwait(false);

            // The stream ends when the container's output is closed; give it a moment to deliver the last bytes.
            // The drain belongs to exit (the container is not done until its output is), not to remove.
            phase = "output";
            await pump.WaitAsync(TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
            exited = Stopwatch.GetTimestamp();

            // What the engine recorded for this container must be what was asked (runtime, isolation, limits).
            // Read after exit so that no phase pays for it: its duration is taken out of the remove phase below.
            phase = "inspect";
            var inspectStarted = Stopwatch.GetTimestamp();
            var configProblem = Verification.ContainerConfigCheck.Compare(spec, await engine.InspectConfigAsync(id, ct).ConfigureAwait(false));
            inspectTicks = Stopwatch.GetTimestamp() - inspectStarted;

            if (configProblem is not null)
            {
                failure = configProblem;
            }
            else if (exitCode != 0)
            {
                failure = await DescribeExitAsync(id, exitCode.Value, output, ct).ConfigureAwait(false);
                if (afterExit is not null)
                {
                    // What a failed workload left is still copied: guest categories sharing a container keep the ones that ran.
                    phase = "copy-out";
                    try
                    {
                        await afterExit(id, ct).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is EngineRequestException or IOException or InvalidDataException or UnauthorizedAccessException)
                    {
                        // Nothing to keep: the non-zero exit stays the failure.
                    }
                }
            }
            else if (afterExit is not null)
            {
                phase = "copy-out";
                await afterExit(id, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            failure = string.Create(CultureInfo.InvariantCulture, $"timeout after {timeout.TotalSeconds:0} s (phase {phase})");
        }
        catch (TimeoutException)
        {
            failure = $"output stream did not close after exit (phase {phase})";
        }
        catch (EngineRequestException ex)
        {
            failure = ex.Message;
            lost = await EngineLiveness.GoneAfterRefusalAsync(engine, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (phase == "copy-out" && ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            failure = $"copying results out failed: {ex.GetType().Name}: {ex.Message}";
        }
        finally
        {
            stream?.Dispose();
            if (id is not null)
            {
                // Cleanup must happen even when the caller cancelled (Ctrl+C): use our own bounded token.
                using var cleanup = new CancellationTokenSource(RemoveTimeout);
                if (failure is not null || exitCode is null)
                {
                    var killError = await TryAsync(() => engine.KillAsync(id, cleanup.Token)).ConfigureAwait(false);
                    lost ??= killError as EngineUnavailableException;
                }

                var removeError = await TryAsync(() => engine.RemoveAsync(id, cleanup.Token)).ConfigureAwait(false);
                lost ??= removeError switch
                {
                    EngineUnavailableException unavailable => unavailable,
                    // Our own bound on cleanup ran out: an engine that cannot remove a container in 30 s is not serving us.
                    OperationCanceledException => new EngineUnavailableException(string.Create(CultureInfo.InvariantCulture,
                        $"engine at {engine.Endpoint} did not remove {id[..Math.Min(12, id.Length)]} within {RemoveTimeout.TotalSeconds:0} s; is dockerd alive?")),
                    _ => null,
                };
                failure ??= removeError is null ? null : "remove failed: " + removeError.Message;
            }
        }

        // Engine loss at any phase is engine loss, not the workload's failure: the run stops and --resume retakes
        // the cell. (Thrown here, after cleanup; an exception already in flight — loss during wait, Ctrl+C — wins.)
        if (lost is not null)
        {
            ExceptionDispatchInfo.Throw(lost);
        }

        var removed = Stopwatch.GetTimestamp() - inspectTicks;
        var ready = output.FirstLineAt;
        if (failure is null && ready is null && requireReadyLine)
        {
            failure = "the workload exited without writing its ready line";
        }

        return new WorkloadRun
        {
            Source = id is null ? string.Empty : id[..Math.Min(12, id.Length)],
            Timings = failure is null ? new PhaseTimings(t0, attached, started, ready, output.FingerprintDoneAt, exited, removed, ProbeOutput.FingerprintMilliseconds(output.StdOut)) : null,
            ExitCode = exitCode,
            StdOut = output.StdOut,
            StdErr = output.StdErr,
            Failure = failure,
        };
    }

    private async Task<string> DescribeExitAsync(string id, long exitCode, OutputCollector output, CancellationToken ct)
    {
        var state = await engine.InspectStateAsync(id, ct).ConfigureAwait(false);
        var why = state.OomKilled ? " (OOM-killed)" : string.Empty;
        var err = output.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return string.Create(CultureInfo.InvariantCulture, $"exit code {exitCode}{why}{(err is null ? string.Empty : ": " + err)}");
    }

    private static async Task PumpAsync(IContainerOutput stream, OutputCollector output, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        while (await stream.ReadAsync(buffer, ct).ConfigureAwait(false) is { } chunk)
        {
            output.Add(buffer.AsSpan(0, chunk.Count), chunk.IsStdErr, Stopwatch.GetTimestamp());
        }
    }

    private static async Task<Exception?> TryAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is EngineRequestException or EngineUnavailableException or OperationCanceledException)
        {
            return ex;
        }
    }
}
