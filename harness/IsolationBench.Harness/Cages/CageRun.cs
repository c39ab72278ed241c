using System.Globalization;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Cages;

/// <summary>
/// A served cage's life under one deadline, for the workloads that talk to what they started (network-host, app): the
/// workload's steps run on the cage, and whatever goes wrong becomes the cell's failure in one line — a deadline
/// ("timeout (phase …)"), output that never closed, a refusal from an engine that still answers, a host process that
/// could not be spawned, a readiness never reached. Engine loss and the caller's cancellation are not failures: they
/// are thrown, after the cage is taken away (it always is).
/// </summary>
public static class CageRun
{
    /// <param name="steps">The workload's steps on the cage, which it is given unstarted and starts itself; they return the failure, or null.</param>
    public static async Task<string?> RunAsync(ICage cage, TimeSpan timeout, Func<CancellationToken, Task<string?>> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cage);
        ArgumentNullException.ThrowIfNull(steps);
        await using (cage.ConfigureAwait(false))
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                return await steps(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return string.Create(CultureInfo.InvariantCulture, $"timeout (phase {cage.Phase})") + cage.Output.Tail();
            }
            catch (TimeoutException)
            {
                return $"output stream did not close after exit (phase {cage.Phase})";
            }
            catch (EngineRequestException ex)
            {
                if (cage is ContainerCage container)
                {
                    await EngineLiveness.ThrowIfGoneAfterRefusalAsync(container.Engine, cancellationToken).ConfigureAwait(false);
                }

                return ex.Message;
            }
            catch (Exception ex) when (ex is CageStartException or CageNotReadyException)
            {
                return ex.Message;
            }
        }
    }

    /// <summary>The readiness <paramref name="readiness"/> waits for, in a phase of that name; a cage whose output ended first fails with <paramref name="otherwise"/> and stderr's last line.</summary>
    public static async Task<ReadySignal> ReadyAsync(this ICage cage, string phase, IReadiness readiness, string otherwise, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cage);
        cage.Phase = phase;
        return await cage.WaitReadyAsync(readiness, cancellationToken).ConfigureAwait(false)
            ?? throw new CageNotReadyException(otherwise + cage.Output.Tail());
    }

    /// <summary>The exit of a cage told to stop, within <paramref name="bound"/>; its exit code.</summary>
    public static async Task<long> ExitWithinAsync(this ICage cage, TimeSpan bound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cage);
        cage.Phase = "exit";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(bound);
        return await cage.WaitForExitAsync(stop.Token).ConfigureAwait(false);
    }
}
