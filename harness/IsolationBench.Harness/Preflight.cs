using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Hosting;
using IsolationBench.Harness.Modes;

namespace IsolationBench.Harness;

/// <summary>What the harness found before running anything: the engine (if any) and the modes it offers.</summary>
public sealed record PreflightResult(IContainerEngine? Engine, EngineFacts? Facts, ModeCatalog Catalog, string? EngineProblem) : IAsyncDisposable
{
    /// <summary>Win32_ComputerSystem.HypervisorPresent of a local Windows engine's host; null when not asked or unknown.</summary>
    public bool? HypervisorPresent { get; init; }

    /// <summary>The endpoint of an engine on another machine (<see cref="Preflight.IsRemote"/>); null for a local one.</summary>
    public string? RemoteEngine { get; init; }

    /// <summary>A Windows engine on this machine (named pipe or loopback): its data root is a path of this host.</summary>
    public bool LocalWindowsEngine { get; init; }

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
    /// <remarks>
    /// For a Windows engine on this machine, Windows is asked whether a hypervisor runs (<paramref name="windowsHost"/>,
    /// by default through PowerShell): "feature enabled" is not a running hypervisor, and hyperv is not offered when
    /// Windows says none runs.
    /// An engine on another machine (tcp, not loopback) is not this host's to answer for.
    /// </remarks>
    public static async Task<PreflightResult> RunAsync(string? endpoint, bool insecure, bool engineRequired, CancellationToken cancellationToken, IWindowsHostQueries? windowsHost = null, EngineTlsSettings? tls = null)
    {
        var resolved = EngineEndpoint.Resolve(endpoint, Environment.GetEnvironmentVariable("DOCKER_HOST"), OperatingSystem.IsWindows(), insecure, tls ?? EngineTlsSettings.FromEnvironment());
        try
        {
            var engine = await DockerEngine.ConnectAsync(resolved, EngineCallTimeout, cancellationToken).ConfigureAwait(false);
            var facts = await engine.GetFactsAsync(cancellationToken).ConfigureAwait(false);
            var localWindows = (!resolved.IsTcp || resolved.Uri.IsLoopback) && string.Equals(facts.OsType, "windows", StringComparison.OrdinalIgnoreCase);
            var hypervisor = localWindows
                ? await (windowsHost ?? PowerShellHostQueries.Instance).HypervisorPresentAsync(cancellationToken).ConfigureAwait(false)
                : null;
            var catalog = ModeCatalog.From(facts, hypervisorPresent: hypervisor);
            return new PreflightResult(engine, facts, IsRemote(resolved) ? catalog.WithoutHost(resolved.ToString()) : catalog, null)
            {
                HypervisorPresent = hypervisor,
                LocalWindowsEngine = localWindows,
                RemoteEngine = IsRemote(resolved) ? resolved.ToString() : null,
            };
        }
        catch (EngineUnavailableException ex) when (!engineRequired)
        {
            return new PreflightResult(null, null, ModeCatalog.From(null, ex.Message), ex.Message);
        }
    }

    /// <summary>An engine on another machine: tcp to anything but this machine's loopback.</summary>
    public static bool IsRemote(EngineEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.IsTcp && !endpoint.Uri.IsLoopback;
    }

    /// <summary>Whether a --modes value needs an engine at all (only "host" does not).</summary>
    public static bool NeedsEngine(string? modes) =>
        modes is null || modes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(m => m != IsolationMode.Host.Name);
}
