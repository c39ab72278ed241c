using IsolationBench.Results.Workloads;

namespace IsolationBench.Results;

/// <summary>manifest.json: everything needed to trust and reproduce a run. Written at start, rewritten at the end.</summary>
public sealed record RunManifest
{
    public const int CurrentSchema = 1;

    public int Schema { get; init; } = CurrentSchema;

    public required string RunId { get; init; }

    public required string ToolVersion { get; init; }

    public string? Commit { get; init; }

    public required DateTimeOffset StartedUtc { get; init; }

    public DateTimeOffset? FinishedUtc { get; init; }

    /// <summary>"running", "complete", "partial" (interrupted) or "failed".</summary>
    public required string Status { get; init; }

    public required HostInfo Host { get; init; }

    public EngineDescription? Engine { get; init; }

    public required IReadOnlyList<ModeDescription> Modes { get; init; }

    public required IReadOnlyList<string> Workloads { get; init; }

    /// <summary>Image reference → image id (digest) actually run.</summary>
    public IReadOnlyDictionary<string, string> Images { get; init; } = new Dictionary<string, string>();

    /// <summary>The options as given (sorted keys), so that a resume can refuse different ones.</summary>
    public required IReadOnlyDictionary<string, string> Options { get; init; }

    /// <summary>Mode → verification verdict of its fingerprints.</summary>
    public IReadOnlyDictionary<string, ModeVerification> Verification { get; init; } = new Dictionary<string, ModeVerification>();

    /// <summary>
    /// The mode every ratio divides by, chosen before the run (<see cref="BaselineRule"/>); null in manifests written
    /// before the field existed, where the report applies the same rule to the modes present.
    /// </summary>
    public string? Baseline { get; init; }

    /// <summary>The CPU and memory limits every mode was given (--cpus, --memory) and how the host baseline got them.</summary>
    public ResourceLimits? Resources { get; init; }

    /// <summary>Mode → the CPUs and memory limit its workload saw from inside (first fingerprint of the mode).</summary>
    public IReadOnlyDictionary<string, ModeResources> EffectiveResources { get; init; } = new Dictionary<string, ModeResources>();

    /// <summary>
    /// Every metric the run's workloads declared (unit, direction, display name), so that report and compare judge
    /// them without the code; null in manifests written before the field existed (<see cref="MetricDirections"/>).
    /// </summary>
    public IReadOnlyList<MetricDescriptor>? Metrics { get; init; }

    /// <summary>
    /// The run's workloads as data (title, OSes, headline metric, sampling plan), so report and compare read the run
    /// without the code; null in manifests written before the field existed (<see cref="Workloads.WorkloadDescriptors.Of"/>).
    /// </summary>
    public IReadOnlyList<WorkloadDescriptor>? WorkloadDescriptors { get; init; }

    /// <summary>Statements a reader must see with the numbers (e.g. "runsc ran on the ptrace platform").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Workload × mode cells the run left out on purpose, with why (a mode without a network for network-host); empty in older manifests.</summary>
    public IReadOnlyList<SkippedCells> Skipped { get; init; } = [];
}

/// <summary>Every cell of <paramref name="Workload"/> in <paramref name="Mode"/> was left out of the run, for <paramref name="Reason"/>.</summary>
public sealed record SkippedCells(string Workload, string Mode, string Reason);

public sealed record HostInfo
{
    public required string Os { get; init; }

    public required string OsDescription { get; init; }

    public required string Kernel { get; init; }

    public required string CpuModel { get; init; }

    public required int Cores { get; init; }

    public required long MemoryBytes { get; init; }

    public required string Hostname { get; init; }

    /// <summary>The power plan every mode ran under: Windows' active scheme ("Balanced (381b4222-…)"), Linux's
    /// cpufreq governor ("cpufreq governor performance"), or "n/a"; null in manifests written before it was recorded.</summary>
    public string? PowerPlan { get; init; }

    /// <summary>Windows only: Win32_ComputerSystem.HypervisorPresent (the Hyper-V feature can be on with no hypervisor
    /// running, e.g. a VM without nested virtualisation); null elsewhere or when it could not be read.</summary>
    public bool? HypervisorPresent { get; init; }

    /// <summary>Windows only: Defender's real-time protection and whether the engine's data root is excluded from it
    /// (scanning changes container create/remove and bind-mount I/O); null elsewhere or when Defender cannot be asked.</summary>
    public DefenderState? Defender { get; init; }
}

/// <summary>Defender as Get-MpComputerStatus / Get-MpPreference report it.</summary>
/// <param name="RealTimeProtection">MSFT_MpComputerStatus.RealTimeProtectionEnabled.</param>
/// <param name="DataRootExcluded">Whether an ExclusionPath covers the engine's DockerRootDir; null when unknown (no data
/// root, or the exclusions are hidden from a non-elevated user).</param>
public sealed record DefenderState(bool RealTimeProtection, bool? DataRootExcluded);

public sealed record EngineDescription
{
    public required string Endpoint { get; init; }

    public required string Version { get; init; }

    public required string ApiVersion { get; init; }

    /// <summary>"linux" or "windows".</summary>
    public required string OsType { get; init; }

    public required string OperatingSystem { get; init; }

    public required string KernelVersion { get; init; }

    public string? DefaultRuntime { get; init; }

    /// <summary>Windows: the daemon's default isolation ("process" or "hyperv").</summary>
    public string? DefaultIsolation { get; init; }

    public required IReadOnlyList<string> Runtimes { get; init; }

    /// <summary>The engine host's name, CPUs and memory as /info reports them (empty or 0 in manifests written before).</summary>
    public string Name { get; init; } = string.Empty;

    public int Cpus { get; init; }

    public long MemoryBytes { get; init; }

    /// <summary>
    /// The engine is on another machine than the harness (<see cref="RunManifest.Host"/>): there is no host mode, and
    /// containers were verified against this engine host's /info (kernel release or build; no boot time).
    /// </summary>
    public bool Remote { get; init; }
}

/// <summary>An isolation mode as run: "host" (plain process), a Linux runtime, or a Windows isolation.</summary>
public sealed record ModeDescription(string Name, string Kind, string? Runtime, string? Isolation)
{
    /// <summary>The kernel boundary it was held to: None, SharedKernel, UserSpaceKernel, VirtualMachine (empty in old runs).</summary>
    public string Boundary { get; init; } = string.Empty;

    /// <summary>Why: the runtime's registration in the engine's /info, or its first fingerprint for a runtime /info did not identify.</summary>
    public string ClassifiedBy { get; init; } = string.Empty;

    /// <summary>A variant's parent mode (<see cref="ModeVariants"/>); null for a real mode and in older runs.</summary>
    public string? Parent { get; init; }

    /// <summary>A variant's one changed knob (unconfined, nomemlimit, nocpulimit); null for a real mode.</summary>
    public string? Knob { get; init; }

    /// <summary>A variant's "less isolated than its parent" statement; null for a real mode.</summary>
    public string? Note { get; init; }
}

/// <summary>What every mode was asked to be limited to.</summary>
public sealed record ResourceLimits(int Cpus, long MemoryBytes)
{
    /// <summary>How host processes got the limits (the cgroup or Job Object); null when host was not run.</summary>
    public string? HostLimits { get; init; }
}

/// <summary>Limits as seen from inside: Environment.ProcessorCount, the CPUs it may run on, the cgroup/job memory limit (null = none seen).</summary>
public sealed record ModeResources(int CpuCount, int? AffinityCpuCount, long? MemoryLimitBytes);

public sealed record ModeVerification(bool Verified, string Reason, int Containers);
