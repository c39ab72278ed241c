using System.Diagnostics;
using System.Globalization;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Cages;
using IsolationBench.Harness.Hosting;

namespace IsolationBench.Harness.Density;

/// <summary>A held probe as a plain host process (the baseline), inside the run's host limits; released by closing its stdin.</summary>
public sealed class HeldHostProcess : IHeldProbe
{
    private readonly HostProcessCage _cage;

    private HeldHostProcess(HostProcessCage cage, double startMilliseconds, IsolationFingerprint? fingerprint)
    {
        _cage = cage;
        StartMilliseconds = startMilliseconds;
        Fingerprint = fingerprint;
    }

    public string Source => _cage.Source;

    public string? ContainerId => null;

    public int? ProcessId => _cage.ProcessId;

    public double StartMilliseconds { get; }

    public IsolationFingerprint? Fingerprint { get; }

    public static async Task<HeldStart> StartAsync(string probe, IHostLimits? limits, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var cage = new HostProcessCage(new HostProcessSpec(probe, ["--hold"], limits, HeldByStdin: true));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var start = await HeldProbeStart.AwaitDoneLineAsync(cage, deadline.Token).ConfigureAwait(false);
            if (start.Failure is not null)
            {
                return new HeldStart(null, start.Failure);
            }

            var held = new HeldHostProcess(cage, Stopwatch.GetElapsedTime(cage.Clock.CreateCalled, start.ReadyAt).TotalMilliseconds, start.Fingerprint);
            cage = null;
            return new HeldStart(held, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HeldStart(null, string.Create(CultureInfo.InvariantCulture, $"no done line within {timeout.TotalSeconds:0} s"));
        }
        catch (CageStartException ex)
        {
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

    public Task<bool> IsAliveAsync(CancellationToken cancellationToken) => Task.FromResult(!_cage.HasExited);

    public ValueTask DisposeAsync() => _cage.DisposeAsync();
}
