using IsolationBench.Harness;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Workloads.Startup.RuntimeDirect;

/// <summary>
/// What an OCI bundle's config.json is made from: the image's process defaults and what the harness asks the
/// engine for a startup container (<see cref="ContainerSpec"/>: command, environment, limits, no network).
/// </summary>
/// <param name="Image">The image's entrypoint, cmd, env, user and working dir.</param>
/// <param name="Hostname">The container's hostname (the engine uses the first 12 characters of its id).</param>
public sealed record BundleSpec(ImageProcessConfig Image, ContainerLimits Limits, string Hostname)
{
    /// <summary>Replaces the image's cmd, as <see cref="ContainerSpec.Command"/> does; empty = the image's.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>Appended to (or replacing) the image's env, as <see cref="ContainerSpec.Environment"/>.</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    /// <summary>HostConfig.ReadonlyRootfs; the harness never sets it, so the engine's rootfs is writable.</summary>
    public bool ReadonlyRootfs { get; init; }

    /// <summary>HostConfig.ShmSize: the engine's default, 64 MiB.</summary>
    public long ShmBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The startup container's spec, as <see cref="Startup.StartupExecutor"/> builds it, made a bundle spec.</summary>
    public static BundleSpec From(ContainerSpec spec, ImageProcessConfig image, string hostname)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.NetworkMode != "none")
        {
            throw new ArgumentException($"runtime-direct bundles have no network but loopback; the spec asks for network mode {spec.NetworkMode}", nameof(spec));
        }

        if (spec.Binds.Count > 0)
        {
            throw new ArgumentException("runtime-direct bundles carry no bind mounts; the startup probe needs none", nameof(spec));
        }

        return new BundleSpec(image, spec.Limits, hostname) { Command = spec.Command, Environment = spec.Environment };
    }
}
