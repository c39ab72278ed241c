using System.Diagnostics;
using System.Globalization;
using IsolationBench.Harness.Cages;
using IsolationBench.Harness.Startup;

namespace IsolationBench.Harness.RuntimeDirect;

/// <summary>
/// One container straight on an OCI runtime binary, no engine: RUNTIME create → start → ready line → done line →
/// exit → delete, each boundary on the harness's Stopwatch clock, as <see cref="PhaseTimings"/> of the engine path
/// (create = `create` returned, start = `start` returned, exit = the container's stdout and stderr closed,
/// remove = `delete` returned). The container's stdio are the pipes of the `create` process, which the runtime
/// hands to the container. Never leaves the container behind (delete --force in finally); never throws for a
/// workload failure (<see cref="WorkloadRun.Failure"/>), only for cancellation.
/// </summary>
/// <remarks>
/// The exit code is not known: an OCI runtime does not wait for its container (the engine's shim does), so success
/// is the probe's protocol (ready, fingerprint and done lines), checked by the caller as on the engine path.
/// The runtime's processes outlive `create`; the caller's <see cref="OrphanReaper"/> adopts and reaps them as the
/// engine's shim does (runsc's delete waits for its sandbox to be reaped).
/// </remarks>
public static class RuntimeDirectLifecycle
{
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(30);

    public static async Task<WorkloadRun> RunAsync(RuntimeCommand runtime, string bundle, string containerId, TimeSpan timeout, OrphanReaper reaper, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(reaper);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var ct = deadline.Token;
        var output = new CageOutput();
        var phase = "create";
        long t0 = 0, created = 0, started = 0, exited = 0, removed = 0;
        string? failure = null;
        var createAttempted = false;
        var deleted = false;
        using var create = new Process { StartInfo = RuntimeProcess.Info(runtime.Executable, runtime.Create(bundle, containerId)) };
        Task? pumps = null;
        try
        {
            t0 = Stopwatch.GetTimestamp();
            createAttempted = true;
            reaper.Start(create);
            create.StandardInput.Close();
            pumps = OutputPump.PumpAsync(create.StandardOutput.BaseStream, create.StandardError.BaseStream, output, ct);
            await create.WaitForExitAsync(ct).ConfigureAwait(false);
            created = Stopwatch.GetTimestamp();
            reaper.Forget(create.Id);
            if (create.ExitCode != 0)
            {
                // The create process's stderr is the container's too; only the runtime writes to it before start.
                await pumps.WaitAsync(TimeSpan.FromSeconds(5), ct).ConfigureAwait(false);
                failure = string.Create(CultureInfo.InvariantCulture, $"{runtime.Name} create exited {create.ExitCode}: {RuntimeProcess.LastLine(output.StdErr) ?? "(no output)"}");
                return Failed();
            }

            phase = "start";
            var start = await RuntimeProcess.RunAsync(runtime.Executable, runtime.Start(containerId), ct, reaper).ConfigureAwait(false);
            started = Stopwatch.GetTimestamp();
            if (start.ExitCode != 0)
            {
                failure = start.Describe(runtime.Name + " start");
                return Failed();
            }

            phase = "exit";
            await pumps.ConfigureAwait(false);
            exited = Stopwatch.GetTimestamp();

            phase = "delete";
            var delete = await RuntimeProcess.RunAsync(runtime.Executable, runtime.Delete(containerId), ct, reaper).ConfigureAwait(false);
            removed = Stopwatch.GetTimestamp();
            deleted = delete.ExitCode == 0;
            if (!deleted)
            {
                failure = delete.Describe(runtime.Name + " delete");
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            failure = string.Create(CultureInfo.InvariantCulture, $"timeout after {timeout.TotalSeconds:0} s (phase {phase})");
        }
        catch (TimeoutException)
        {
            failure = $"{runtime.Name} create failed and its output did not close (phase {phase})";
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            failure = $"cannot run {runtime.Executable}: {ex.Message}";
        }
        finally
        {
            if (createAttempted && !deleted)
            {
                // Whatever happened, the container goes: our own bounded token, even when the caller cancelled.
                failure ??= "the container was not deleted";
                await ForceCleanupAsync(runtime, create, containerId).ConfigureAwait(false);
            }
        }

        return failure is null && output.FirstLineAt is null
            ? Failed() with { Failure = "the workload exited without writing its ready line" }
            : failure is null
                ? new WorkloadRun
                {
                    Source = runtime.Name + ":" + containerId,
                    Timings = new PhaseTimings(t0, created, started, output.FirstLineAt, output.FingerprintDoneAt, exited, removed, ProbeOutput.FingerprintMilliseconds(output.StdOut)),
                    StdOut = output.StdOut,
                    StdErr = output.StdErr,
                }
                : Failed();

        WorkloadRun Failed() => new() { Source = runtime.Name + ":" + containerId, StdOut = output.StdOut, StdErr = output.StdErr, Failure = failure ?? "unknown failure" };
    }

    private static async Task ForceCleanupAsync(RuntimeCommand runtime, Process create, string containerId)
    {
        using var cleanup = new CancellationTokenSource(CleanupTimeout);
        try
        {
            if (!create.HasExited)
            {
                create.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        try
        {
            await RuntimeProcess.RunAsync(runtime.Executable, runtime.Delete(containerId), cleanup.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            // The state dir's removal (and the next run's sweep) is the last line of defence.
        }
    }
}
