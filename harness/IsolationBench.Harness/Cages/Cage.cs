namespace IsolationBench.Harness.Cages;

/// <summary>
/// What every cage shares: its output, clock and phase, readiness awaited by a strategy, and its end — stopped, then its
/// output's pump let go (<see cref="Life"/>), whatever path led there.
/// </summary>
public abstract class Cage : ICage
{
    private bool _disposed;

    public abstract string Source { get; }

    public CageOutput Output { get; } = new();

    public CageClock Clock { get; } = new();

    public long? ExitCode { get; protected set; }

    public abstract string Phase { get; set; }

    /// <summary>The pump's token: a cage's output is read until the cage goes, not until a start's deadline.</summary>
    protected CancellationTokenSource Life { get; } = new();

    public abstract Task StartAsync(CancellationToken cancellationToken);

    public Task<ReadySignal?> WaitReadyAsync(IReadiness readiness, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        return readiness.WaitAsync(this, cancellationToken);
    }

    public abstract Task<string?> CheckRecordAsync(CancellationToken cancellationToken);

    public abstract Task<bool> IsRunningAsync(CancellationToken cancellationToken);

    public abstract Task<long> WaitForExitAsync(CancellationToken cancellationToken);

    public abstract Task StopAsync();

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await Life.CancelAsync().ConfigureAwait(false);
            Life.Dispose();
            Release();
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>What the cage holds besides its container or process (a process handle).</summary>
    protected virtual void Release()
    {
    }
}
