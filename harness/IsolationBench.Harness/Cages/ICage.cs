namespace IsolationBench.Harness.Cages;

/// <summary>
/// One long-lived cage — a container or a host process — from its start to its removal: started, awaited ready by a
/// strategy, its output collected, checked against the engine's record where there is one, waited for or stopped.
/// Disposing it takes away whatever is left, on a bounded token of its own, whatever the caller's token says (Ctrl+C included).
/// </summary>
public interface ICage : IAsyncDisposable
{
    /// <summary>The container's short id or "host:PID"; empty until it exists.</summary>
    string Source { get; }

    CageOutput Output { get; }

    /// <summary>The clock points of its start and exit.</summary>
    CageClock Clock { get; }

    /// <summary>The exit code, once the exit was seen (before its output drained); null until then.</summary>
    long? ExitCode { get; }

    /// <summary>Where its life is, for a failure's "(phase …)": the cage names its own steps, the workload its own.</summary>
    string Phase { get; set; }

    /// <summary>Container: create → attach (output pumped from here on) → start. Host process: the spawn, inside the run's limits.</summary>
    /// <exception cref="CageStartException">A host process could not be spawned.</exception>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>What <paramref name="readiness"/> says, awaited on this cage.</summary>
    Task<ReadySignal?> WaitReadyAsync(IReadiness readiness, CancellationToken cancellationToken);

    /// <summary>Null when the engine recorded what was asked (runtime, isolation, limits), else the mismatch; a host process has no record.</summary>
    Task<string?> CheckRecordAsync(CancellationToken cancellationToken);

    /// <summary>Whether it still runs (a held probe that ended costs nothing, so a step that counts it would lie).</summary>
    Task<bool> IsRunningAsync(CancellationToken cancellationToken);

    /// <summary>Waits for its exit and for its output to drain; returns the exit code.</summary>
    /// <exception cref="TimeoutException">A container's output did not close within 10 s of its exit.</exception>
    Task<long> WaitForExitAsync(CancellationToken cancellationToken);

    /// <summary>Kills it unless it exited (a held host probe: released first), then removes it; once, whatever is called again.</summary>
    Task StopAsync();
}

/// <summary>
/// Stopwatch timestamps of a cage's start and exit. Container: create called, attach returned, start returned.
/// Host process: just before the spawn (twice: a process has no attach) and just after it.
/// </summary>
public sealed class CageClock
{
    public long CreateCalled { get; internal set; }

    public long Attached { get; internal set; }

    public long StartReturned { get; internal set; }

    /// <summary>The exit was seen and the output drained; 0 until then.</summary>
    public long ExitSeen { get; internal set; }
}
