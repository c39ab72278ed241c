namespace IsolationBench.Harness.Engine;

/// <summary>
/// Takes away a container the harness is done with: killed unless it exited, then removed, on a bounded token of its
/// own whatever the caller's says (Ctrl+C included). A refusal, or the bound running out, is left to the label sweep at
/// the run's end and at the next command; losing the engine is not swallowed (the run stops as engine-lost).
/// </summary>
public static class ContainerRemoval
{
    /// <summary>How long taking a container away may take, on its own token.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task KillAndRemoveAsync(IContainerEngine engine, string containerId, bool exited)
    {
        ArgumentNullException.ThrowIfNull(engine);
        using var cleanup = new CancellationTokenSource(Timeout);
        if (!exited)
        {
            await IgnoreRefusal(() => engine.KillAsync(containerId, cleanup.Token)).ConfigureAwait(false);
        }

        await IgnoreRefusal(() => engine.RemoveAsync(containerId, cleanup.Token)).ConfigureAwait(false);
    }

    private static async Task IgnoreRefusal(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is EngineRequestException or OperationCanceledException)
        {
        }
    }
}
