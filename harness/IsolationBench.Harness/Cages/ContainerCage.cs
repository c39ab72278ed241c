using System.Diagnostics;
using System.Net;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Cages;

/// <summary>
/// A container through the engine's ports (<see cref="IContainerEngine"/>): create → attach (before start, so the first
/// line written is never missed) → start → … → kill/remove. Its output is pumped from attach until it is removed, on a
/// token of its own: a held container keeps its stream after its start's deadline is gone.
/// </summary>
public sealed class ContainerCage(IContainerEngine engine, ContainerSpec spec) : Cage
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);
    private IContainerOutput? _stream;
    private Task _pump = Task.CompletedTask;
    private bool _exited;
    private bool _removed;

    public IContainerEngine Engine { get; } = engine ?? throw new ArgumentNullException(nameof(engine));

    public ContainerSpec Spec { get; } = spec ?? throw new ArgumentNullException(nameof(spec));

    /// <summary>The engine's id; null until created.</summary>
    public string? Id { get; private set; }

    public override string Source => Id is null ? string.Empty : ShortId.Of(Id);

    public override string Phase { get; set; } = "create";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        Phase = "create";
        Clock.CreateCalled = Stopwatch.GetTimestamp();
        Id = await Engine.CreateContainerAsync(Spec, cancellationToken).ConfigureAwait(false);
        _stream = await Engine.AttachAsync(Id, cancellationToken).ConfigureAwait(false);
        Clock.Attached = Stopwatch.GetTimestamp();
        _pump = OutputPump.PumpAsync(_stream, Output, Life.Token);

        Phase = "start";
        await Engine.StartAsync(Id, cancellationToken).ConfigureAwait(false);
        Clock.StartReturned = Stopwatch.GetTimestamp();
    }

    public override async Task<string?> CheckRecordAsync(CancellationToken cancellationToken) =>
        Verification.ContainerConfigCheck.Compare(Spec, await Engine.InspectConfigAsync(RequireId(), cancellationToken).ConfigureAwait(false));

    public override async Task<long> WaitForExitAsync(CancellationToken cancellationToken)
    {
        Phase = "exit";
        var code = await Engine.WaitAsync(RequireId(), cancellationToken).ConfigureAwait(false);
        (ExitCode, _exited) = (code, true);

        // The stream ends when the container's output is closed; give it a moment to deliver the last bytes. The drain
        // belongs to exit (the container is not done until its output is), not to remove.
        Phase = "output";
        await _pump.WaitAsync(DrainTimeout, cancellationToken).ConfigureAwait(false);
        Clock.ExitSeen = Stopwatch.GetTimestamp();
        return code;
    }

    public override async Task<bool> IsRunningAsync(CancellationToken cancellationToken) =>
        (await InspectStateAsync(cancellationToken).ConfigureAwait(false)).Status == "running";

    public Task<ContainerStateFacts> InspectStateAsync(CancellationToken cancellationToken) => Engine.InspectStateAsync(RequireId(), cancellationToken);

    /// <summary>127.0.0.1 and the host port the engine bound for <paramref name="containerPort"/>/tcp.</summary>
    public async Task<IPEndPoint> PublishedEndpointAsync(int containerPort, CancellationToken cancellationToken) =>
        new(IPAddress.Loopback, await Engine.PublishedPortAsync(RequireId(), containerPort, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Kill (when asked) and remove, reporting instead of throwing what went wrong: for a caller that times the removal
    /// and judges its errors itself. Once: later calls, and <see cref="StopAsync"/>, do nothing.
    /// </summary>
    public async Task<CageRemoval> RemoveAsync(bool kill)
    {
        if (!TakeRemoval())
        {
            return new CageRemoval(null, null);
        }

        using var cleanup = new CancellationTokenSource(ContainerRemoval.Timeout);
        var killError = kill ? await TryAsync(() => Engine.KillAsync(Id!, cleanup.Token)).ConfigureAwait(false) : null;
        var removeError = await TryAsync(() => Engine.RemoveAsync(Id!, cleanup.Token)).ConfigureAwait(false);
        return new CageRemoval(killError, removeError);
    }

    /// <summary>Killed unless it exited, then removed (<see cref="ContainerRemoval"/>: refusals left to the label sweep, engine loss thrown).</summary>
    public override async Task StopAsync()
    {
        if (TakeRemoval())
        {
            await ContainerRemoval.KillAndRemoveAsync(Engine, Id!, _exited).ConfigureAwait(false);
        }
    }

    // The stream goes first (the pump stops reading), then the container; nothing to remove before create returned.
    private bool TakeRemoval()
    {
        _stream?.Dispose();
        _stream = null;
        if (Id is null || _removed)
        {
            return false;
        }

        _removed = true;
        return true;
    }

    private string RequireId() => Id ?? throw new InvalidOperationException("the container was not created");

    private static async Task<Exception?> TryAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is EngineRequestException or EngineUnavailableException or OperationCanceledException)
        {
            return ex;
        }
    }
}

/// <summary>What killing and removing a container went through: null where the call succeeded (or was not made).</summary>
public sealed record CageRemoval(Exception? KillError, Exception? RemoveError);
