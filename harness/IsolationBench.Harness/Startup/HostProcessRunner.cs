using System.Diagnostics;
using System.Globalization;

namespace IsolationBench.Harness.Startup;

/// <summary>Runs the workload as a plain host process (the <c>host</c> baseline), timed like a container.</summary>
public static class HostProcessRunner
{
    /// <param name="requireReadyLine">The probe's protocol starts with a ready line; the guest benchmarks print BDN's log instead.</param>
    public static Task<WorkloadRun> RunAsync(string executable, IReadOnlyList<string> arguments, TimeSpan timeout, bool requireReadyLine, CancellationToken cancellationToken) =>
        RunAsync(executable, arguments, timeout, requireReadyLine, limits: null, cancellationToken);

    /// <param name="limits">The run's CPU and memory limits for host processes (a cgroup, a Job Object); null = none.</param>
    public static async Task<WorkloadRun> RunAsync(string executable, IReadOnlyList<string> arguments, TimeSpan timeout, bool requireReadyLine, Hosting.IHostLimits? limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        Hosting.MinimalEnvironment.Apply(info.Environment);

        var output = new OutputCollector();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        long t0, started;
        using var process = new Process { StartInfo = info };
        try
        {
            // The clock runs around the spawn only: a cgroup join is the limits' bookkeeping, not the workload's start
            // (measured here: it put ~12 ms into the host's start phase, against ~2 ms for the spawn itself).
            (t0, started) = limits is null ? Hosting.SpawnTimes.Around(process) : limits.Start(process);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Failed($"cannot start {executable}: {ex.Message}");
        }

        var source = "host:" + process.Id.ToString(CultureInfo.InvariantCulture);
        var stdout = PumpAsync(process.StandardOutput.BaseStream, output, false, deadline.Token);
        var stderr = PumpAsync(process.StandardError.BaseStream, output, true, deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            // Exit ends when the output is drained too, as for a container.
            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
            var exited = Stopwatch.GetTimestamp();
            string? failure = process.ExitCode != 0
                ? string.Create(CultureInfo.InvariantCulture, $"exit code {process.ExitCode}: {output.StdErr.Trim().Split('\n').LastOrDefault()}")
                : requireReadyLine && output.FirstLineAt is null ? "the workload exited without writing its ready line" : null;
            return new WorkloadRun
            {
                Source = source,
                Timings = failure is null ? new PhaseTimings(t0, t0, started, output.FirstLineAt, output.FingerprintDoneAt, exited, exited, ProbeOutput.FingerprintMilliseconds(output.StdOut)) : null,
                ExitCode = process.ExitCode,
                StdOut = output.StdOut,
                StdErr = output.StdErr,
                Failure = failure,
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return Failed(string.Create(CultureInfo.InvariantCulture, $"timeout after {timeout.TotalSeconds:0} s")) with { Source = source };
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        WorkloadRun Failed(string why) => new() { Source = string.Empty, StdOut = output.StdOut, StdErr = output.StdErr, Failure = why };
    }

    private static async Task PumpAsync(Stream stream, OutputCollector output, bool isStdErr, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        int n;
        while ((n = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            output.Add(buffer.AsSpan(0, n), isStdErr, Stopwatch.GetTimestamp());
        }
    }
}
