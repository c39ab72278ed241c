using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results.Workloads;

namespace IsolationBench.Harness.Workloads;

/// <summary>
/// A workload's harness parts, registered once by its module (IsolationBench.Workloads) and handed to the harness through <see cref="WorkloadRegistry"/>: its descriptor (the data written into
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

    /// <summary>The run options that belong to this workload (given without it, they are refused: <see cref="WorkloadRegistry.ValidateOwnedOptions"/>).</summary>
    public IReadOnlyList<WorkloadOption> Options { get; init; } = [];

    /// <summary>
    /// Something that runs beside the whole matrix once this workload is in the run (startup records the engine's own
    /// event clock into engine-events.csv); disposed when the matrix ends, however it ends. Null: nothing.
    /// </summary>
    public Func<WorkloadSetup, Matrix.RunContext, CancellationToken, IAsyncDisposable?>? DuringRun { get; init; }

    /// <summary>Whether --engine-bench's BenchmarkDotNet interlude runs in the middle of this workload's rounds.</summary>
    public bool AnchorsEngineBench { get; init; }
}

/// <summary>
/// A run option owned by a workload (<paramref name="Flag"/> as the user types it). Given without any workload of the run
/// that owns it (<see cref="IsSet"/>), it is refused with <see cref="WithoutOwner"/>; <see cref="Check"/> is a range check
/// that runs whatever the workloads (null or a one-line reason); <see cref="Recorded"/> what a run with the owner writes
/// into manifest.json's options.
/// </summary>
public sealed record WorkloadOption(string Flag)
{
    /// <summary>What `isobench run --help` says of it.</summary>
    public string Help { get; init; } = string.Empty;

    /// <summary>A flag takes no value; otherwise <see cref="ValueName"/> names the value and <see cref="Default"/> shows its default.</summary>
    public bool IsFlag { get; init; } = true;

    public string? ValueName { get; init; }

    public string? Default { get; init; }

    /// <summary>Sets the option on the run's options from the value given ("true" for a flag); it refuses a bad value in one line.</summary>
    public required Func<RunOptions, string, RunOptions> Bind { get; init; }

    /// <summary>Whether the user gave it; null: it is never refused for a missing owner.</summary>
    public Func<RunOptions, bool>? IsSet { get; init; }

    public string WithoutOwner { get; init; } = string.Empty;

    public Func<RunOptions, string?>? Check { get; init; }

    /// <summary>What a run with the owning workload writes into manifest.json's options (key, value); null: nothing.</summary>
    public Func<RunOptions, KeyValuePair<string, string>?>? Recorded { get; init; }
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
