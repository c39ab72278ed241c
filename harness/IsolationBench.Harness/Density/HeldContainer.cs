using System.Diagnostics;
using System.Globalization;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Cages;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Startup;

namespace IsolationBench.Harness.Density;

/// <summary>
/// A held probe container: a <see cref="ContainerCage"/> started and awaited to its done line, then left running.
/// Removing it (dispose) kills and removes it with a bounded token of its own, whatever the caller's token says (Ctrl+C included).
/// </summary>
public sealed class HeldContainer : IHeldProbe
{
    private readonly ContainerCage _cage;

    private HeldContainer(ContainerCage cage, double startMilliseconds, IsolationFingerprint? fingerprint)
    {
        _cage = cage;
        StartMilliseconds = startMilliseconds;
        Fingerprint = fingerprint;
    }

    public string Source => _cage.Source;

    public string? ContainerId => _cage.Id;

    public int? ProcessId => null;

    public double StartMilliseconds { get; }

    public IsolationFingerprint? Fingerprint { get; }

    public static async Task<HeldStart> StartAsync(IContainerEngine engine, ContainerSpec spec, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(spec);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var cage = new ContainerCage(engine, spec);
        try
        {
            var start = await HeldProbeStart.AwaitDoneLineAsync(cage, deadline.Token).ConfigureAwait(false);
            if (start.Failure is not null)
            {
                return new HeldStart(null, start.Failure);
            }

            var held = new HeldContainer(cage, Stopwatch.GetElapsedTime(cage.Clock.CreateCalled, start.ReadyAt).TotalMilliseconds, start.Fingerprint);
            cage = null;
            return new HeldStart(held, null);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new HeldStart(null, string.Create(CultureInfo.InvariantCulture, $"no done line within {timeout.TotalSeconds:0} s"));
        }
        catch (EngineRequestException ex)
        {
            await EngineLiveness.ThrowIfGoneAfterRefusalAsync(engine, cancellationToken).ConfigureAwait(false);
            return new HeldStart(null, ex.Message);
        }
        finally
        {
            if (cage is not null)
            {
                await cage.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public async Task<bool> IsAliveAsync(CancellationToken cancellationToken) =>
        (await _cage.InspectStateAsync(cancellationToken).ConfigureAwait(false)).Status == "running";

    public ValueTask DisposeAsync() => _cage.DisposeAsync();
}
