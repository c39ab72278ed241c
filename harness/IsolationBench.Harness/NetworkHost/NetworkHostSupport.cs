using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Workloads;

namespace IsolationBench.Harness.NetworkHost;

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

    /// <summary>
    /// Why <paramref name="mode"/> gets no network-host cell, or null when it has a network to publish a port through:
    /// decided from how the engine registered the runtime (/info Runtimes: its arguments), not from its name — a runtime
    /// registered with --network=none (runsc here) gives its containers no network whatever the container asks.
    /// </summary>
    public static string? Skip(IsolationMode mode, EngineFacts? facts)
    {
        ArgumentNullException.ThrowIfNull(mode);
        if (mode.Kind == ModeKind.Host || mode.Runtime is not { } runtime
            || facts?.RuntimeRegistrations.GetValueOrDefault(runtime) is not { } registration)
        {
            return null;
        }

        var args = registration.Arguments;
        var none = args.Any(a => a is "--network=none" or "-network=none")
            || args.Zip(args.Skip(1)).Any(p => p.First is "--network" or "-network" && p.Second == "none");
        return none
            ? $"runtime {runtime} is registered with the engine with --network=none ({registration.Describe()}): its containers have no network to publish a port through, only loopback (the network workload measures that)"
            : null;
    }
}
