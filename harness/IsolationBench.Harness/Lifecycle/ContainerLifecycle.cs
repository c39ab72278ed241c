using IsolationBench.Harness;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using IsolationBench.Harness.Cages;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Lifecycle;

/// <summary>
/// Runs one container through create → attach → start → ready → fingerprint → exit → [after-exit work] → remove, timing each
/// phase with a monotonic clock (the <see cref="ContainerCage"/> takes the points). Never leaves the container behind,
/// whatever fails; never throws for a workload failure (that becomes <see cref="WorkloadRun.Failure"/>), only for
/// cancellation and for losing the engine (<see cref="EngineUnavailableException"/>, at any call, cleanup included).
/// </summary>
public sealed class ContainerLifecycle(IContainerEngine engine)
{
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
        await using var cage = new ContainerCage(engine, spec);
        string? failure = null;
        long inspectTicks = 0;
        EngineUnavailableException? lost = null;
        try
        {
            (failure, inspectTicks) = await LiveAsync(cage, afterExit, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            failure = string.Create(CultureInfo.InvariantCulture, $"timeout after {timeout.TotalSeconds:0} s (phase {cage.Phase})");
        }
        catch (TimeoutException)
        {
            failure = $"output stream did not close after exit (phase {cage.Phase})";
        }
        catch (EngineRequestException ex)
        {
            failure = ex.Message;
            lost = await EngineLiveness.GoneAfterRefusalAsync(engine, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (cage.Phase == "copy-out" && ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            failure = $"copying results out failed: {ex.GetType().Name}: {ex.Message}";
        }
        finally
        {
            (failure, lost) = await RemoveAsync(cage, failure, lost).ConfigureAwait(false);
        }

        // Engine loss at any phase is engine loss, not the workload's failure: the run stops and --resume retakes
        // the cell. (Thrown here, after cleanup; an exception already in flight — loss during wait, Ctrl+C — wins.)
        if (lost is not null)
        {
            ExceptionDispatchInfo.Throw(lost);
        }

        var removed = Stopwatch.GetTimestamp() - inspectTicks;
        // The ready line is read from the drained output: a run that failed has no phases to time.
        var ready = failure is null ? await cage.WaitReadyAsync(Readiness.FirstLine, cancellationToken).ConfigureAwait(false) : null;
        return Outcome(cage, failure, ready?.At, requireReadyLine, removed);
    }

    /// <summary>From create to the after-exit work: the failure, if any, and how long the inspect took (not a phase's).</summary>
    private static async Task<(string? Failure, long InspectTicks)> LiveAsync(ContainerCage cage, Func<string, CancellationToken, Task>? afterExit, CancellationToken ct)
    {
        await cage.StartAsync(ct).ConfigureAwait(false);
        var exitCode = await cage.WaitForExitAsync(ct).ConfigureAwait(false);

        // What the engine recorded for this container must be what was asked (runtime, isolation, limits).
        // Read after exit so that no phase pays for it: its duration is taken out of the remove phase.
        cage.Phase = "inspect";
        var inspectStarted = Stopwatch.GetTimestamp();
        var configProblem = await cage.CheckRecordAsync(ct).ConfigureAwait(false);
        var inspectTicks = Stopwatch.GetTimestamp() - inspectStarted;
        if (configProblem is not null)
        {
            return (configProblem, inspectTicks);
        }

        if (exitCode != 0)
        {
            var failure = await DescribeExitAsync(cage, exitCode, ct).ConfigureAwait(false);
            if (afterExit is not null)
            {
                // What a failed workload left is still copied: guest categories sharing a container keep the ones that ran.
                cage.Phase = "copy-out";
                try
                {
                    await afterExit(cage.Id!, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is EngineRequestException or IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    // Nothing to keep: the non-zero exit stays the failure.
                }
            }

            return (failure, inspectTicks);
        }

        if (afterExit is not null)
        {
            cage.Phase = "copy-out";
            await afterExit(cage.Id!, ct).ConfigureAwait(false);
        }

        return (null, inspectTicks);
    }

    /// <summary>Killed (unless it exited cleanly) and removed; what removal went through can make it a failure or engine loss.</summary>
    private async Task<(string? Failure, EngineUnavailableException? Lost)> RemoveAsync(ContainerCage cage, string? failure, EngineUnavailableException? lost)
    {
        if (cage.Id is not { } id)
        {
            return (failure, lost);
        }

        var removal = await cage.RemoveAsync(kill: failure is not null || cage.ExitCode is null).ConfigureAwait(false);
        lost ??= removal.KillError as EngineUnavailableException;
        lost ??= removal.RemoveError switch
        {
            EngineUnavailableException unavailable => unavailable,
            // Our own bound on cleanup ran out: an engine that cannot remove a container in 30 s is not serving us.
            OperationCanceledException => new EngineUnavailableException(string.Create(CultureInfo.InvariantCulture,
                $"engine at {engine.Endpoint} did not remove {ShortId.Of(id)} within {ContainerRemoval.Timeout.TotalSeconds:0} s; is dockerd alive?")),
            _ => null,
        };
        return (failure ?? (removal.RemoveError is null ? null : "remove failed: " + removal.RemoveError.Message), lost);
    }

    private static WorkloadRun Outcome(ContainerCage cage, string? failure, long? ready, bool requireReadyLine, long removed)
    {
        var output = cage.Output;
        if (failure is null && ready is null && requireReadyLine)
        {
            failure = "the workload exited without writing its ready line";
        }

        var clock = cage.Clock;
        return new WorkloadRun
        {
            Source = cage.Source,
            Timings = failure is null
                ? new PhaseTimings(clock.CreateCalled, clock.Attached, clock.StartReturned, ready, output.FingerprintDoneAt, clock.ExitSeen, removed, ProbeOutput.FingerprintMilliseconds(output.StdOut))
                : null,
            ExitCode = cage.ExitCode,
            StdOut = output.StdOut,
            StdErr = output.StdErr,
            Failure = failure,
        };
    }

    private static async Task<string> DescribeExitAsync(ContainerCage cage, long exitCode, CancellationToken ct)
    {
        var state = await cage.InspectStateAsync(ct).ConfigureAwait(false);
        var why = state.OomKilled ? " (OOM-killed)" : string.Empty;
        var err = cage.Output.LastErrorLine();
        return string.Create(CultureInfo.InvariantCulture, $"exit code {exitCode}{why}{(err is null ? string.Empty : ": " + err)}");
    }
}
