using System.Diagnostics;
using System.Globalization;

namespace IsolationBench.Harness.Cages;

/// <summary>
/// A workload as a plain host process, behind the same face as a container: spawned with a minimal environment inside
/// the run's limits, its stdout and stderr pumped, killed (with its children) or released when stopped.
/// </summary>
public sealed class HostProcessCage(HostProcessSpec spec) : Cage
{
    private static readonly TimeSpan ReleaseGrace = TimeSpan.FromSeconds(10);
    private readonly Process _process = new() { StartInfo = Info(spec ?? throw new ArgumentNullException(nameof(spec))) };
    private Task _pumps = Task.CompletedTask;
    private bool _started;
    private bool _stopped;

    public HostProcessSpec Spec { get; } = spec;

    public int? ProcessId { get; private set; }

    public override string Source => ProcessId is { } pid ? "host:" + pid.ToString(CultureInfo.InvariantCulture) : string.Empty;

    public override string Phase { get; set; } = "start";

    public bool HasExited => _started && _process.HasExited;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // The clock runs around the spawn only: a cgroup join is the limits' bookkeeping, not the workload's start
            // (measured here: it put ~12 ms into the host's start phase, against ~2 ms for the spawn itself).
            var (before, after) = Spec.Limits is { } limits ? limits.Start(_process) : Hosting.SpawnTimes.Around(_process);
            (Clock.CreateCalled, Clock.Attached, Clock.StartReturned) = (before, before, after);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new CageStartException($"cannot start {Spec.Executable}: {ex.Message}", ex);
        }

        _started = true;
        ProcessId = _process.Id;
        _pumps = OutputPump.PumpAsync(_process.StandardOutput.BaseStream, _process.StandardError.BaseStream, Output, Life.Token);
        return Task.CompletedTask;
    }

    public override Task<string?> CheckRecordAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public override Task<bool> IsRunningAsync(CancellationToken cancellationToken) => Task.FromResult(_started && !_process.HasExited);

    public override async Task<long> WaitForExitAsync(CancellationToken cancellationToken)
    {
        Phase = "exit";
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        ExitCode = _process.ExitCode;

        // Exit ends when the output is drained too, as for a container.
        await _pumps.WaitAsync(cancellationToken).ConfigureAwait(false);
        Clock.ExitSeen = Stopwatch.GetTimestamp();
        return _process.ExitCode;
    }

    public override async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        if (!_started)
        {
            return;
        }

        if (Spec.HeldByStdin)
        {
            await ReleaseAsync().ConfigureAwait(false);
        }

        Kill();
    }

    protected override void Release() => _process.Dispose();

    // Closing stdin is a held probe's release; one that does not go within the grace is killed after.
    private async Task ReleaseAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var grace = new CancellationTokenSource(ReleaseGrace);
            await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or IOException)
        {
            // Killed below.
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static ProcessStartInfo Info(HostProcessSpec spec)
    {
        var info = new ProcessStartInfo(spec.Executable)
        {
            RedirectStandardInput = spec.HeldByStdin,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Hosting.MinimalEnvironment.Apply(info.Environment);
        return info;
    }
}
