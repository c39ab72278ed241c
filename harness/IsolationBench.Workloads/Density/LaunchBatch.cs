using IsolationBench.Harness;
using System.Diagnostics;

namespace IsolationBench.Workloads.Density;

/// <summary>
/// K create → ready → remove lifecycles launched at once (none waits for another), each removed as soon as it is ready,
/// timed on one clock. Every probe that started is removed, whatever happens to the others.
/// </summary>
public static class LaunchBatch
{
    public static async Task<(IReadOnlyList<LaunchLifecycle> Done, string? Failure)> RunAsync(
        int k, Func<CancellationToken, Task<HeldStart>> start, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentNullException.ThrowIfNull(start);
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, k).Select(_ => OneAsync(start, clock, cancellationToken))).ConfigureAwait(false);
        var failure = results.Select(r => r.Failure).FirstOrDefault(f => f is not null);
        return ([.. results.Select(r => r.Lifecycle).OfType<LaunchLifecycle>()], failure);
    }

    private static async Task<(LaunchLifecycle? Lifecycle, string? Failure)> OneAsync(
        Func<CancellationToken, Task<HeldStart>> start, Stopwatch clock, CancellationToken cancellationToken)
    {
        var created = clock.Elapsed.TotalMilliseconds;
        HeldStart started;
        try
        {
            started = await start(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, ex.Message);
        }

        if (started.Probe is not { } probe)
        {
            return (null, started.Failure ?? "the probe did not start");
        }

        await probe.DisposeAsync().ConfigureAwait(false);
        return (new LaunchLifecycle(probe.Source, created, created + probe.StartMilliseconds, clock.Elapsed.TotalMilliseconds), null);
    }
}
