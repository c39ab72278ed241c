using IsolationBench.Harness;
using System.Globalization;
using IsolationBench.Harness.Cages;

namespace IsolationBench.Harness.Lifecycle;

/// <summary>Runs the workload as a plain host process (the <c>host</c> baseline), timed like a container, as a <see cref="HostProcessCage"/>.</summary>
public static class HostProcessRunner
{
    /// <param name="requireReadyLine">The probe's protocol starts with a ready line; the guest benchmarks print BDN's log instead.</param>
    public static Task<WorkloadRun> RunAsync(string executable, IReadOnlyList<string> arguments, TimeSpan timeout, bool requireReadyLine, CancellationToken cancellationToken) =>
        RunAsync(executable, arguments, timeout, requireReadyLine, limits: null, cancellationToken);

    /// <param name="limits">The run's CPU and memory limits for host processes (a cgroup, a Job Object); null = none.</param>
    public static async Task<WorkloadRun> RunAsync(string executable, IReadOnlyList<string> arguments, TimeSpan timeout, bool requireReadyLine, Hosting.IHostLimits? limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        await using var cage = new HostProcessCage(new HostProcessSpec(executable, arguments, limits));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await cage.StartAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (CageStartException ex)
        {
            return Failed(cage, ex.Message) with { Source = string.Empty };
        }

        try
        {
            var exitCode = await cage.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            var ready = await cage.WaitReadyAsync(Readiness.FirstLine, deadline.Token).ConfigureAwait(false);
            string? failure = exitCode != 0
                ? string.Create(CultureInfo.InvariantCulture, $"exit code {exitCode}: {cage.Output.StdErr.Trim().Split('\n').LastOrDefault()}")
                : requireReadyLine && ready is null ? "the workload exited without writing its ready line" : null;
            var (output, clock) = (cage.Output, cage.Clock);
            return Failed(cage, failure) with
            {
                Timings = failure is null
                    ? new PhaseTimings(clock.CreateCalled, clock.Attached, clock.StartReturned, ready?.At, output.FingerprintDoneAt, clock.ExitSeen, clock.ExitSeen, ProbeOutput.FingerprintMilliseconds(output.StdOut))
                    : null,
                ExitCode = exitCode,
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await cage.StopAsync().ConfigureAwait(false);
            return Failed(cage, string.Create(CultureInfo.InvariantCulture, $"timeout after {timeout.TotalSeconds:0} s"));
        }
    }

    private static WorkloadRun Failed(HostProcessCage cage, string? why) =>
        new() { Source = cage.Source, StdOut = cage.Output.StdOut, StdErr = cage.Output.StdErr, Failure = why };
}
