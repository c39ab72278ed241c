using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Modes;

/// <summary>Whether a mode's containers have a network to publish a port through: what every workload with a host-side client asks.</summary>
public static class ModeNetwork
{
    /// <summary>
    /// Why <paramref name="mode"/>'s containers cannot publish a port, or null when they can: decided from how the engine
    /// registered the runtime (/info Runtimes: its arguments), not from its name — a runtime registered with
    /// --network=none (runsc here) gives its containers no network whatever the container asks.
    /// </summary>
    public static string? NoPublishedPort(IsolationMode mode, EngineFacts? facts)
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
