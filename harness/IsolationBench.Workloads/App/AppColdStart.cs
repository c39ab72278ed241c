using IsolationBench.Harness;
using System.Diagnostics;
using IsolationBench.Results;

namespace IsolationBench.Workloads.App;

/// <summary>
/// One app container's cold start on the harness's clock (Stopwatch ticks), contiguous phases that add up to the total
/// (<see cref="AppMetrics.Phases"/>): create (+attach) → start returned → [client up] → service ready → first 200. A
/// line can arrive before the call that precedes it returned (the ready line before start's answer): each boundary is
/// clamped to lie after the one before it, and that phase is then 0.
/// </summary>
/// <param name="CreateCalled">Before create (host: just before the spawn).</param>
/// <param name="StartReturned">Start returned (host: the spawn returned).</param>
/// <param name="ClientUp">The in-container client's first line arrived; null on the host client path.</param>
/// <param name="Ready">The service's ready line arrived.</param>
/// <param name="FirstResponse">The first 200 of GET /json was read (host client), or its line arrived (in-container client).</param>
public sealed record AppColdStart(long CreateCalled, long StartReturned, long? ClientUp, long Ready, long FirstResponse)
{
    /// <summary>Metric → milliseconds: the phases this path has, in order, then the total.</summary>
    public IReadOnlyList<(string Metric, double Milliseconds)> Durations()
    {
        var started = Math.Max(CreateCalled, StartReturned);
        var clientUp = ClientUp is { } up ? Math.Max(started, up) : started;
        var ready = Math.Max(clientUp, Ready);
        var first = Math.Max(ready, FirstResponse);
        return
        [
            (AppMetrics.EngineStart, Ms(CreateCalled, started)),
            .. ClientUp is null ? [] : new[] { (AppMetrics.ClientUp, Ms(started, clientUp)) },
            (AppMetrics.ProcessUp, Ms(clientUp, ready)),
            (AppMetrics.FirstResponse, Ms(ready, first)),
            (AppMetrics.ColdStartTotal, Ms(CreateCalled, first)),
        ];
    }

    private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
