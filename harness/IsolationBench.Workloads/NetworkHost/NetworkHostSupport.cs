using IsolationBench.Harness;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Workloads;

namespace IsolationBench.Workloads.NetworkHost;

/// <summary>Where the host↔container workload can run, and which modes it skips because they have no network.</summary>
public static class NetworkHostSupport
{
    /// <summary>Why the run cannot include network-host at all in <paramref name="mode"/> (refused before anything runs), or null.</summary>
    public static string? Reason(IsolationMode mode, SupportFacts facts)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(facts);
        var os = mode.Kind == ModeKind.Host ? facts.HostOs : facts.EngineOs?.ToLowerInvariant();
        return os is "linux" or null
            ? null
            : $"workload 'network-host' is built for Linux (the engine's bridge and a port published on 127.0.0.1), and mode {mode.Name} runs on {os}: leave it out of --workloads";
    }

    /// <summary>Why <paramref name="mode"/> gets no network-host cell (no network to publish a port through), or null.</summary>
    public static string? Skip(IsolationMode mode, EngineFacts? facts) => ModeNetwork.NoPublishedPort(mode, facts);
}
