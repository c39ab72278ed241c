namespace IsolationBench.Harness.Engine;

/// <summary>
/// Tells a refusal from an engine going away. dockerd stopping (SIGTERM) closes its listener, then tears down its layer
/// store while still answering requests in flight — CI saw a create refused with "Stat …-init/merged/etc" — and that
/// answer must stop the run as engine loss (--resume retakes the cell), not be recorded as the workload's failure.
/// <see cref="IContainerEngine.PingAsync"/> asks on a new connection, which a stopping dockerd no longer accepts.
/// </summary>
public static class EngineLiveness
{
    /// <summary>Null when the engine still answers after refusing a request; otherwise the loss to stop the run with.</summary>
    public static async Task<EngineUnavailableException?> GoneAfterRefusalAsync(IContainerEngine engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        try
        {
            await engine.PingAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (EngineUnavailableException ex)
        {
            return ex;
        }
    }

    /// <summary>As <see cref="GoneAfterRefusalAsync"/>, throwing the loss: for callers whose cleanup runs in a finally anyway.</summary>
    public static async Task ThrowIfGoneAfterRefusalAsync(IContainerEngine engine, CancellationToken cancellationToken)
    {
        if (await GoneAfterRefusalAsync(engine, cancellationToken).ConfigureAwait(false) is { } gone)
        {
            throw gone;
        }
    }
}
