using IsolationBench.Harness.Guest;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Startup;
using IsolationBench.Results;
using IsolationBench.Results.Workloads;

namespace IsolationBench.Harness.Workloads;

/// <summary>
/// The workloads the harness runs, in <see cref="WorkloadCatalog.BuiltIn"/>'s order: the one place that registers
/// each workload's harness parts. Options, the plan and the run loop over it; adding a workload adds an entry here
/// and its own folder, and touches no other workload's code.
/// </summary>
public static class HarnessCatalog
{
    public static readonly HarnessWorkload Startup = new(
        WorkloadCatalog.Startup,
        WorkloadPlanning.ColdStart,
        (_, _) => null,
        async (setup, ct) => new StartupExecutor(
            setup.Engine,
            await ProbePreparation.ImageAsync(setup, ct).ConfigureAwait(false),
            await ProbePreparation.HostProbeAsync(setup, ct).ConfigureAwait(false)));

    /// <summary>The startup probe straight on each mode's OCI runtime binary; its bundle and runtime state are removed when the run ends.</summary>
    public static readonly HarnessWorkload StartupRuntime = new(
        WorkloadCatalog.StartupRuntime,
        WorkloadPlanning.ColdStart,
        RuntimeDirect.RuntimeDirectSupport.ForMode,
        async (setup, ct) => new RuntimeDirect.RuntimeDirectExecutor(
            setup.Engine as Engine.IImageFilesystem ?? throw new UsageException($"workload '{WorkloadCatalog.StartupRuntime.Name}' exports the probe image through a Docker engine: run it with container modes on a local engine"),
            setup.Facts!,
            await ProbePreparation.ImageAsync(setup, ct).ConfigureAwait(false),
            RuntimeDirect.RunStateDir.DefaultBase))
    {
        NeedsEngineHost = "runs the engine's runtime binaries on this machine",
        ByDefault = false,
    };

    public static readonly HarnessWorkload Density = new(
        WorkloadCatalog.Density,
        WorkloadPlanning.Ladder,
        (mode, facts) => (mode.Kind == ModeKind.Host ? facts.HostOs : facts.EngineOs?.ToLowerInvariant()) is "linux" or null
            ? null
            : $"workload 'density' reads Linux's MemAvailable and cgroups, and mode {mode.Name} runs on {(mode.Kind == ModeKind.Host ? facts.HostOs : facts.EngineOs)}: leave it out of --workloads",
        async (setup, ct) => new IsolationBench.Harness.Density.DensityExecutor(
            setup.Engine,
            await ProbePreparation.ImageAsync(setup, ct).ConfigureAwait(false),
            await ProbePreparation.HostProbeAsync(setup, ct).ConfigureAwait(false),
            setup.Options.DensityMax,
            IsolationBench.Harness.Density.DensityStopRule.DefaultFloor))
    {
        NeedsEngineHost = "reads the containers' memory and MemAvailable from this machine's /proc",
        ByDefault = false,
    };

    /// <summary>
    /// Host ↔ container: the guest image's server behind a port published on 127.0.0.1, the harness as its client. A
    /// mode whose runtime has no network is skipped (said on the console and in the report), not refused.
    /// </summary>
    public static readonly HarnessWorkload NetworkHost = new(
        WorkloadCatalog.NetworkHost,
        WorkloadPlanning.OwnContainerRounds,
        IsolationBench.Harness.NetworkHost.NetworkHostSupport.Reason,
        async (setup, ct) => new IsolationBench.Harness.NetworkHost.NetworkHostExecutor(
            setup.Engine,
            setup.Engine is null ? null : await GuestPreparation.ImageAsync(setup, LinuxBase(setup, ct), ct).ConfigureAwait(false),
            await GuestPreparation.HostBinaryAsync(setup, ct).ConfigureAwait(false),
            setup.Options.Profile))
    {
        StartEarly = (setup, ct) => LinuxBase(setup, ct),
        Skips = IsolationBench.Harness.NetworkHost.NetworkHostSupport.Skip,
        NeedsEngineHost = "connects to the container's port on this machine's loopback",
        ByDefault = false,
    };

    /// <summary>
    /// The app: the guest image's ASP.NET Core service from create to first response, then a steady load. Never skipped:
    /// a mode without a network to publish a port through gets the client inside the container (App.AppRoute).
    /// </summary>
    public static readonly HarnessWorkload App = new(
        WorkloadCatalog.App,
        WorkloadPlanning.OwnContainerRounds,
        (_, _) => null,
        async (setup, ct) => new IsolationBench.Harness.App.AppExecutor(
            setup.Engine,
            setup.Engine is null ? null : await GuestPreparation.ImageAsync(setup, LinuxBase(setup, ct), ct).ConfigureAwait(false),
            setup.WindowsEngine,
            await GuestPreparation.HostBinaryAsync(setup, ct).ConfigureAwait(false),
            setup.Options.Profile,
            setup.Facts))
    {
        StartEarly = (setup, ct) => LinuxBase(setup, ct),
        NeedsEngineHost = "connects to the service's port published on this machine's loopback",
        ByDefault = false,
    };

    public static readonly IReadOnlyList<HarnessWorkload> BuiltIn =
        [Startup, StartupRuntime, .. GuestWorkloads.Categories.Select(Guest), NetworkHost, App, Density];

    /// <summary>A guest category: the four share one guest binary, image and executor.</summary>
    private static HarnessWorkload Guest(string category) => new(
        WorkloadCatalog.Find(category)!,
        WorkloadPlanning.GuestRounds,
        (mode, facts) => GuestSupport.Reason(category, mode, facts.HostOs, facts.EngineOs),
        (setup, ct) => setup.SharedAsync<IWorkloadExecutor>("guest", () => CreateGuestExecutorAsync(setup, ct)))
    {
        StartEarly = (setup, ct) => LinuxBase(setup, ct),
    };

    /// <summary>The Linux guest's debootstrap base (~1 min once), for Linux containers only; null otherwise.</summary>
    private static Task<string>? LinuxBase(WorkloadSetup setup, CancellationToken cancellationToken) =>
        setup.Engine is { } engine && !setup.WindowsEngine
            ? setup.StartInBackground("guest:linux-base", () => new GuestArtifacts(setup.Layout).EnsureLinuxBaseAsync(engine, setup.Log, cancellationToken))
            : null;

    public static HarnessWorkload? Find(string name) => BuiltIn.FirstOrDefault(w => w.Name == name);

    public static HarnessWorkload Get(string name) => Find(name) ?? throw new ArgumentException($"unknown workload '{name}'", nameof(name));

    /// <summary>The first reason one of <paramref name="workloads"/> cannot run in one of <paramref name="modes"/>, or null.</summary>
    public static string? Unsupported(IEnumerable<string> workloads, IReadOnlyList<IsolationMode> modes, SupportFacts facts)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        ArgumentNullException.ThrowIfNull(modes);
        ArgumentNullException.ThrowIfNull(facts);
        var selected = workloads.Select(Get).ToList();
        if (facts.RemoteEngine is { } remote && selected.FirstOrDefault(w => w.NeedsEngineHost is not null) is { } local)
        {
            return $"workload '{local.Name}' {local.NeedsEngineHost}, and the engine at {remote} is on another machine: run isobench on the engine's host or leave '{local.Name}' out of --workloads";
        }

        return selected.SelectMany(w => modes.Select(m => w.Supports(m, facts))).FirstOrDefault(r => r is not null);
    }

    /// <summary>The modes each of <paramref name="workloads"/> leaves out (<see cref="HarnessWorkload.Skips"/>), with why, in the run's order.</summary>
    public static IReadOnlyList<SkippedCells> Skipped(IEnumerable<string> workloads, IReadOnlyList<IsolationMode> modes, Engine.EngineFacts? facts)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        ArgumentNullException.ThrowIfNull(modes);
        return [.. workloads.Select(Get).Where(w => w.Skips is not null)
            .SelectMany(w => modes.Select(m => (Mode: m, Reason: w.Skips!(m, facts))).Where(s => s.Reason is not null).Select(s => new SkippedCells(w.Name, s.Mode.Name, s.Reason!)))];
    }

    /// <summary>Whether any of <paramref name="workloads"/> (names as in manifest.json) is planned in guest rounds.</summary>
    public static bool AnyGuestRounds(IEnumerable<string> workloads) =>
        workloads.Any(w => Find(w)?.Planning == WorkloadPlanning.GuestRounds);

    private static async Task<IWorkloadExecutor> CreateGuestExecutorAsync(WorkloadSetup setup, CancellationToken cancellationToken)
    {
        var hostGuest = await GuestPreparation.HostBinaryAsync(setup, cancellationToken).ConfigureAwait(false);
        // By id, not tag: another checkout building the same tag mid-run (seen here: a runc cell ran another
        // branch's guest) cannot swap the guest under this run.
        var guestImage = setup.Engine is null ? null : await GuestPreparation.ImageAsync(setup, LinuxBase(setup, cancellationToken), cancellationToken).ConfigureAwait(false);

        var scratch = ScratchLocation.Choose(setup.Options.ScratchDir, setup.RemoteEngine is null ? setup.Facts?.DockerRootDir : null, Path.GetTempPath(), ScratchLocation.FilesystemOf);
        setup.Log.Report(setup.RemoteEngine is null
            ? $"io scratch (host layer target, volumes): {scratch.Root} — {scratch.Reason}"
            : $"io volume target: a fresh volume on the engine's host per container (the engine at {setup.RemoteEngine} is remote)");
        return new GuestExecutor(setup.Engine, guestImage, setup.WindowsEngine, hostGuest, setup.Options.Profile, scratch.Root)
        {
            RunsFio = setup.Options.RunsFio,
            EngineSideVolume = setup.RemoteEngine is not null,
        };
    }
}
