using IsolationBench.Harness;
using System.Diagnostics;
using IsolationBench.Results;

namespace IsolationBench.Harness.Lifecycle;

/// <summary>
/// Monotonic timestamps (Stopwatch ticks) of one container's life. The phases are contiguous, so they add up to
/// the total exactly: create (+attach) → start → ready → fingerprint → exit → remove (<see cref="StartupPhases"/>).
/// A line can be seen before the call that precedes it returned (the probe's ready line arriving before the start
/// call's answer): then each boundary is clamped to lie between its neighbours, and that phase is 0.
/// </summary>
/// <param name="ReadySeen">The probe's ready line arrived (null: none).</param>
/// <param name="FingerprintSeen">The probe's line after its fingerprint arrived (null: none).</param>
/// <param name="ExitSeen">Wait returned and the output stream closed.</param>
/// <param name="ProbeFingerprintMs">
/// The probe's own measure of its fingerprint work (its done line). When present it is the fingerprint phase, placed
/// after the earlier of the ready line's arrival and the done line's arrival minus this measure (the probe's ready and
/// done lines often arrive in one read, which made the phase 0 by arrival); exit keeps the rest, so the phases still
/// add up to the total.
/// </param>
public sealed record PhaseTimings(long CreateCalled, long Attached, long StartReturned, long? ReadySeen, long? FingerprintSeen, long ExitSeen, long Removed, double? ProbeFingerprintMs = null)
{
    /// <summary>Phase name → milliseconds, in <see cref="StartupPhases.Container"/> order, then total.</summary>
    public IReadOnlyList<(string Phase, double Milliseconds)> ContainerPhaseDurations()
    {
        var (ready, fingerprint) = Boundaries();
        return
        [
            ("create", Ms(CreateCalled, Attached)),
            ("start", Ms(Attached, StartReturned)),
            ("ready", Ms(StartReturned, ready)),
            ("fingerprint", Ms(ready, fingerprint)),
            ("exit", Ms(fingerprint, ExitSeen)),
            ("remove", Ms(ExitSeen, Removed)),
            (StartupPhases.Total, Ms(CreateCalled, Removed)),
        ];
    }

    /// <summary>For a host process (<see cref="StartupPhases.Host"/>): start = spawn returned, ready, fingerprint, exit; no create/remove.</summary>
    public IReadOnlyList<(string Phase, double Milliseconds)> HostPhaseDurations()
    {
        var (ready, fingerprint) = Boundaries();
        return
        [
            ("start", Ms(CreateCalled, StartReturned)),
            ("ready", Ms(StartReturned, ready)),
            ("fingerprint", Ms(ready, fingerprint)),
            ("exit", Ms(fingerprint, ExitSeen)),
            (StartupPhases.Total, Ms(CreateCalled, ExitSeen)),
        ];
    }

    private (long Ready, long Fingerprint) Boundaries()
    {
        // With the probe's own fingerprint time: the ready line's arrival and (done line's arrival − that time) are both
        // upper bounds of when the probe wrote its ready line (a line can only arrive late); the earlier is the tighter.
        // Anchored there, the fingerprint phase is the probe's measure and exit keeps the rest — never cut to 0 merely
        // because the ready line was read late (a host process's exit phase is under a millisecond).
        long? work = ProbeFingerprintMs is { } ms ? (long)(ms * Stopwatch.Frequency / 1000.0) : null;
        var written = ReadySeen ?? StartReturned;
        if (work is { } w && FingerprintSeen is { } done)
        {
            written = Math.Min(written, done - w);
        }

        var ready = Math.Clamp(written, StartReturned, Math.Max(StartReturned, ExitSeen));
        var fingerprint = work is { } ticks ? ready + ticks : FingerprintSeen ?? ready;
        return (ready, Math.Clamp(fingerprint, ready, Math.Max(ready, ExitSeen)));
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
