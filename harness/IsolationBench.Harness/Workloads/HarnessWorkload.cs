using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results.Workloads;

namespace IsolationBench.Harness.Workloads;

/// <summary>
/// A workload's harness parts, registered once in <see cref="HarnessCatalog"/>: its descriptor (the data written into
/// manifest.json), how the matrix plans it, whether it can run in a mode (null, or a one-line reason for the user),
/// and the factory of its executor (which prepares its images and binaries first).
/// </summary>
public sealed record HarnessWorkload(
    WorkloadDescriptor Descriptor,
    WorkloadPlanning Planning,
    Func<IsolationMode, SupportFacts, string?> Supports,
    Func<WorkloadSetup, CancellationToken, Task<IWorkloadExecutor>> CreateExecutorAsync)
{
    public string Name => Descriptor.Name;

    /// <summary>A long preparation to start before any executor is made, so that it runs beside the others' (null: none).</summary>
    public Action<WorkloadSetup, CancellationToken>? StartEarly { get; init; }

    /// <summary>
    /// What it measures from this machine about the engine's host (its memory, its runtime binaries, a port on its
    /// loopback); null when it works through the engine API alone. Such a workload is refused with a remote engine.
    /// </summary>
    public string? NeedsEngineHost { get; init; }

    /// <summary>Whether a run without --workloads includes it; false for one that holds much of the host (density).</summary>
    public bool ByDefault { get; init; } = true;

    /// <summary>
    /// Why the run leaves this workload out of a mode it otherwise runs (null: it runs there), from the engine's facts:
    /// unlike <see cref="Supports"/>, which refuses the run, a skip is said on the console and in the report and the rest
    /// runs. Only for <see cref="WorkloadPlanning.OwnContainerRounds"/> workloads. Null: never skips.
    /// </summary>
    public Func<IsolationMode, Engine.EngineFacts?, string?>? Skips { get; init; }
}

/// <summary>What <see cref="HarnessWorkload.Supports"/> decides on: the host's OS ("linux", "windows") and the engine's (null without one).</summary>
public sealed record SupportFacts(string HostOs, string? EngineOs)
{
    /// <summary>Whether this process runs as root (Administrator): what runs an OCI runtime directly needs.</summary>
    public bool Root { get; init; }

    /// <summary>The engine's runtime registrations (/info Runtimes: binary or shim type); null when not known.</summary>
    public IReadOnlyDictionary<string, Engine.RuntimeRegistration>? Runtimes { get; init; }

    /// <summary>The engine's endpoint when it is on another machine (tcp, not loopback); null for a local engine.</summary>
    public string? RemoteEngine { get; init; }
}
