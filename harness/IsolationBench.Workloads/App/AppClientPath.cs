using IsolationBench.Harness;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Modes;

namespace IsolationBench.Workloads.App;

/// <summary>Where the app workload's client runs in a mode.</summary>
public enum AppClientPath
{
    /// <summary>The host baseline: the service is a host process on 127.0.0.1, the client the harness.</summary>
    HostLoopback,

    /// <summary>The client is the harness on the host, through the port the engine published on 127.0.0.1.</summary>
    PublishedPort,

    /// <summary>The mode has no network: isobench-guest app-client runs beside the service in the container, over its loopback.</summary>
    InContainer,
}

/// <summary>The rule that picks <see cref="AppClientPath"/>: whether the mode can publish a port (<see cref="ModeNetwork"/>), read as a route.</summary>
public static class AppRoute
{
    public static AppClientPath For(IsolationMode mode, EngineFacts? facts)
    {
        ArgumentNullException.ThrowIfNull(mode);
        return mode.Kind == ModeKind.Host ? AppClientPath.HostLoopback
            : ModeNetwork.NoPublishedPort(mode, facts) is null ? AppClientPath.PublishedPort
            : AppClientPath.InContainer;
    }

    /// <summary>How a report and the console name the path (the samples' source says which one each container took).</summary>
    public static string Describe(AppClientPath path) => path switch
    {
        AppClientPath.HostLoopback => "client and service on the host, loopback",
        AppClientPath.PublishedPort => "client on the host, through a port published on 127.0.0.1",
        _ => "client inside the container, over its loopback (no network to publish a port through)",
    };
}
