using IsolationBench.Harness;
using IsolationBench.Harness.Lifecycle;
using System.Diagnostics;
using System.Globalization;
using IsolationBench.Harness.Cages;

namespace IsolationBench.Workloads.Startup.RuntimeDirect;

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
        using var create = new Process { StartInfo = RuntimeProcess.Info(runtime.Executable, runtime.Create(bundle, containerId)) };
        var run = new Attempt(runtime, containerId, create, reaper);
        try
        {
            await run.LiveAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            run.Failure = string.Create(CultureInfo.InvariantCulture, $"timeout after {timeout.TotalSeconds:0} s (phase {run.Phase})");
        }
        catch (TimeoutException)
        {
            run.Failure = $"{runtime.Name} create failed and its output did not close (phase {run.Phase})";
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            run.Failure = $"cannot run {runtime.Executable}: {ex.Message}";
        }
        finally
        {
            if (run.CreateAttempted && !run.Deleted)
            {
                // Whatever happened, the container goes: our own bounded token, even when the caller cancelled.
                run.Failure ??= "the container was not deleted";
                await ForceCleanupAsync(runtime, create, containerId).ConfigureAwait(false);
            }
        }

        return run.Outcome();
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

    /// <summary>One container's way through the runtime's commands: the clock points, where it is, what went wrong.</summary>
    private sealed class Attempt(RuntimeCommand runtime, string containerId, Process create, OrphanReaper reaper)
    {
        private readonly CageOutput _output = new();
        private long _t0, _created, _started, _exited, _removed;

        public string Phase { get; private set; } = "create";

        public string? Failure { get; set; }

        public bool CreateAttempted { get; private set; }

        public bool Deleted { get; private set; }

        public async Task LiveAsync(CancellationToken ct)
        {
            _t0 = Stopwatch.GetTimestamp();
            CreateAttempted = true;
            reaper.Start(create);
            create.StandardInput.Close();
            var pumps = OutputPump.PumpAsync(create.StandardOutput.BaseStream, create.StandardError.BaseStream, _output, ct);
            await create.WaitForExitAsync(ct).ConfigureAwait(false);
            _created = Stopwatch.GetTimestamp();
            reaper.Forget(create.Id);
            if (create.ExitCode != 0)
            {
                // The create process's stderr is the container's too; only the runtime writes to it before start.
                await pumps.WaitAsync(TimeSpan.FromSeconds(5), ct).ConfigureAwait(false);
                Failure = string.Create(CultureInfo.InvariantCulture, $"{runtime.Name} create exited {create.ExitCode}: {RuntimeProcess.LastLine(_output.StdErr) ?? "(no output)"}");
                return;
            }

            Phase = "start";
            var start = await RuntimeProcess.RunAsync(runtime.Executable, runtime.Start(containerId), ct, reaper).ConfigureAwait(false);
            _started = Stopwatch.GetTimestamp();
            if (start.ExitCode != 0)
            {
                Failure = start.Describe(runtime.Name + " start");
                return;
            }

            Phase = "exit";
            await pumps.ConfigureAwait(false);
            _exited = Stopwatch.GetTimestamp();

            Phase = "delete";
            var delete = await RuntimeProcess.RunAsync(runtime.Executable, runtime.Delete(containerId), ct, reaper).ConfigureAwait(false);
            _removed = Stopwatch.GetTimestamp();
            Deleted = delete.ExitCode == 0;
            if (!Deleted)
            {
                Failure = delete.Describe(runtime.Name + " delete");
            }
        }

        public WorkloadRun Outcome()
        {
            var failed = new WorkloadRun { Source = runtime.Name + ":" + containerId, StdOut = _output.StdOut, StdErr = _output.StdErr, Failure = Failure ?? "unknown failure" };
            return Failure is not null ? failed
                : _output.FirstLineAt is null ? failed with { Failure = "the workload exited without writing its ready line" }
                : failed with
                {
                    Timings = new PhaseTimings(_t0, _created, _started, _output.FirstLineAt, _output.FingerprintDoneAt, _exited, _removed, ProbeOutput.FingerprintMilliseconds(_output.StdOut)),
                    Failure = null,
                };
        }
    }
}
