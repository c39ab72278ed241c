using System.Diagnostics;

namespace IsolationBench.Harness.Startup;

/// <summary>
/// Monotonic timestamps (Stopwatch ticks) of one container's life. The phases are contiguous, so they add up to
/// the total exactly: create (+attach) → start → ready → exit → remove.
/// </summary>
public sealed record PhaseTimings(long CreateCalled, long Attached, long StartReturned, long? ReadySeen, long ExitSeen, long Removed)
{
    public static readonly string[] ContainerPhases = ["create", "start", "ready", "exit", "remove"];
    public static readonly string[] HostPhases = ["start", "ready", "exit"];

    /// <summary>Phase name → milliseconds. The ready line can arrive before the start call returns: then ready is 0.</summary>
    public IReadOnlyList<(string Phase, double Milliseconds)> ContainerPhaseDurations()
    {
        var ready = Math.Max(ReadySeen ?? StartReturned, StartReturned);
        return
        [
            ("create", Ms(CreateCalled, Attached)),
            ("start", Ms(Attached, StartReturned)),
            ("ready", Ms(StartReturned, ready)),
            ("exit", Ms(ready, ExitSeen)),
            ("remove", Ms(ExitSeen, Removed)),
            ("total", Ms(CreateCalled, Removed)),
        ];
    }

    /// <summary>For a host process: start = spawn returned, ready, exit; no create/remove.</summary>
    public IReadOnlyList<(string Phase, double Milliseconds)> HostPhaseDurations()
    {
        var ready = Math.Max(ReadySeen ?? StartReturned, StartReturned);
        return
        [
            ("start", Ms(CreateCalled, StartReturned)),
            ("ready", Ms(StartReturned, ready)),
            ("exit", Ms(ready, ExitSeen)),
            ("total", Ms(CreateCalled, ExitSeen)),
        ];
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
