using IsolationBench.Harness;
using IsolationBench.Harness.Lifecycle;
using System.Diagnostics;
using System.Globalization;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Cages;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Hosting;

namespace IsolationBench.Workloads.Density;

/// <summary>
/// A held probe (--hold) in its cage, a container or a host process alike: started, awaited to its done line (ready,
/// fingerprint, done: <see cref="ProbeOutput"/>), then left running. Its start time ends at the ready line's arrival.
/// Disposing it takes the cage away on a bounded token of its own, whatever the caller's token says (Ctrl+C included):
/// a container killed and removed, a host probe released by closing its stdin.
/// </summary>
public sealed class HeldCage : IHeldProbe
{
    private static readonly IReadiness DoneLine = Readiness.Line(3);
    private readonly ICage _cage;

    private HeldCage(ICage cage, double startMilliseconds, IsolationFingerprint? fingerprint)
    {
        _cage = cage;
        StartMilliseconds = startMilliseconds;
        Fingerprint = fingerprint;
    }

    public string Source => _cage.Source;

    public string? ContainerId => (_cage as ContainerCage)?.Id;

    public int? ProcessId => (_cage as HostProcessCage)?.ProcessId;

    public double StartMilliseconds { get; }

    public IsolationFingerprint? Fingerprint { get; }

    public static Task<HeldStart> InContainerAsync(IContainerEngine engine, ContainerSpec spec, TimeSpan timeout, CancellationToken cancellationToken) =>
        StartAsync(new ContainerCage(engine, spec), timeout, cancellationToken);

    /// <summary>The baseline: the probe as a plain host process inside the run's host limits.</summary>
    public static Task<HeldStart> AsHostProcessAsync(string probe, IHostLimits? limits, TimeSpan timeout, CancellationToken cancellationToken) =>
        StartAsync(new HostProcessCage(new HostProcessSpec(probe, ["--hold"], limits, HeldByStdin: true)), timeout, cancellationToken);

    public Task<bool> IsAliveAsync(CancellationToken cancellationToken) => _cage.IsRunningAsync(cancellationToken);

    public ValueTask DisposeAsync() => _cage.DisposeAsync();

    private static async Task<HeldStart> StartAsync(ICage cage, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        ICage? unheld = cage;
        try
        {
            await cage.StartAsync(deadline.Token).ConfigureAwait(false);
            cage.Phase = "ready";
            if (await cage.WaitReadyAsync(DoneLine, deadline.Token).ConfigureAwait(false) is null)
            {
                return new HeldStart(null, "the probe's output ended before its done line: " + cage.Output.StdErr.Trim());
            }

            var (fingerprint, problem) = ProbeOutput.Parse(cage.Output.StdOut);
            if (problem is not null)
            {
                return new HeldStart(null, problem);
            }

            unheld = null;
            return new HeldStart(new HeldCage(cage, Stopwatch.GetElapsedTime(cage.Clock.CreateCalled, cage.Output.FirstLineAt!.Value).TotalMilliseconds, fingerprint), null);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new HeldStart(null, string.Create(CultureInfo.InvariantCulture, $"no done line within {timeout.TotalSeconds:0} s"));
        }
        catch (EngineRequestException ex)
        {
            if (cage is ContainerCage container)
            {
                await EngineLiveness.ThrowIfGoneAfterRefusalAsync(container.Engine, cancellationToken).ConfigureAwait(false);
            }

            return new HeldStart(null, ex.Message);
        }
        catch (CageStartException ex)
        {
            return new HeldStart(null, ex.Message);
        }
        finally
        {
            if (unheld is not null)
            {
                await unheld.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
