using IsolationBench.Harness.Images;

namespace IsolationBench.Harness.Workloads;

/// <summary>The guest binary and image, which the guest categories and network-host both run: built once per run through the setup's memo.</summary>
public static class GuestPreparation
{
    /// <summary>The guest published for this host (the host mode runs it as a plain process).</summary>
    public static Task<string> HostBinaryAsync(WorkloadSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return setup.SharedAsync("guest:host", () => new GuestArtifacts(setup.Layout).EnsurePublishedAsync(WorkloadSetup.HostRid, setup.Log, cancellationToken));
    }

    /// <summary>The Linux guest's debootstrap base (~1 min once), started in the background, for Linux containers only; null otherwise.</summary>
    public static Task<string>? LinuxBase(WorkloadSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return setup.Engine is { } engine && !setup.WindowsEngine
            ? setup.StartInBackground("guest:linux-base", () => new GuestArtifacts(setup.Layout).EnsureLinuxBaseAsync(engine, setup.Log, cancellationToken))
            : null;
    }

    /// <summary>The guest image's id, its Linux base started first when it has one (<see cref="LinuxBase"/>).</summary>
    public static Task<string> ImageAsync(WorkloadSetup setup, CancellationToken cancellationToken) =>
        ImageAsync(setup, LinuxBase(setup, cancellationToken), cancellationToken);

    /// <summary>
    /// The guest image's id for the engine's OS (by id, not tag: another checkout building the same tag mid-run cannot
    /// swap the guest under this run); empty when the run has no container mode.
    /// </summary>
    public static Task<string> ImageAsync(WorkloadSetup setup, Task<string>? linuxBase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return setup.SharedAsync("guest:image", async () =>
        {
            if (setup.Engine is not { } engine)
            {
                return string.Empty;
            }

            var built = await new GuestArtifacts(setup.Layout).EnsureImageAsync(engine, setup.Facts!.OsType, setup.WindowsTag, RunSession.ToolVersion, setup.Log, cancellationToken, linuxBase).ConfigureAwait(false);
            setup.Record(built);
            return built.Id;
        });
    }
}
