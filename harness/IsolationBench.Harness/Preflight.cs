using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Modes;

namespace IsolationBench.Harness;

/// <summary>What the harness found before running anything: the engine (if any) and the modes it offers.</summary>
public sealed record PreflightResult(IContainerEngine? Engine, EngineFacts? Facts, ModeCatalog Catalog, string? EngineProblem) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Engine?.DisposeAsync() ?? ValueTask.CompletedTask;
}

public static class Preflight
{
    public static readonly TimeSpan EngineCallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Connects to the engine and reads /info. When <paramref name="engineRequired"/> is false an unreachable
    /// engine is not an error (only <c>host</c> is offered); otherwise it is a one-line
    /// <see cref="EngineUnavailableException"/>.
    /// </summary>
    public static async Task<PreflightResult> RunAsync(string? endpoint, bool insecure, bool engineRequired, CancellationToken cancellationToken)
    {
        var resolved = EngineEndpoint.Resolve(endpoint, Environment.GetEnvironmentVariable("DOCKER_HOST"), OperatingSystem.IsWindows(), insecure);
        try
        {
            var engine = await DockerEngine.ConnectAsync(resolved, EngineCallTimeout, cancellationToken).ConfigureAwait(false);
            var facts = await engine.GetFactsAsync(cancellationToken).ConfigureAwait(false);
            return new PreflightResult(engine, facts, ModeCatalog.From(facts), null);
        }
        catch (EngineUnavailableException ex) when (!engineRequired)
        {
            return new PreflightResult(null, null, ModeCatalog.From(null, ex.Message), ex.Message);
        }
    }

    /// <summary>Whether a --modes value needs an engine at all (only "host" does not).</summary>
    public static bool NeedsEngine(string? modes) =>
        modes is null || modes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(m => m != IsolationMode.Host.Name);
}
