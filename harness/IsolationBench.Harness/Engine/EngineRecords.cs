namespace IsolationBench.Harness.Engine;

/// <summary>What the engine says about itself (/info and /version).</summary>
public sealed record EngineFacts
{
    public required string Version { get; init; }

    public required string ApiVersion { get; init; }

    public string MinApiVersion { get; init; } = string.Empty;

    /// <summary>"linux" or "windows".</summary>
    public required string OsType { get; init; }

    public required string OperatingSystem { get; init; }

    public required string KernelVersion { get; init; }

    /// <summary>Windows: the daemon's default isolation ("process" on Server, "hyperv" on client SKUs).</summary>
    public string? DefaultIsolation { get; init; }

    public string? DefaultRuntime { get; init; }

    public required IReadOnlyList<string> Runtimes { get; init; }

    /// <summary>How each runtime is registered (/info Runtimes): its path, arguments, containerd runtime type.</summary>
    public IReadOnlyDictionary<string, RuntimeRegistration> RuntimeRegistrations { get; init; } = new Dictionary<string, RuntimeRegistration>();

    public int Cpus { get; init; }

    public long MemoryBytes { get; init; }

    public string Architecture { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string DockerRootDir { get; init; } = string.Empty;

    /// <summary>Windows: the host build number (17763, 20348, 26100…) read from KernelVersion; null on Linux.</summary>
    public int? WindowsBuild => WindowsBuilds.FromKernelVersion(OsType, KernelVersion);
}

/// <summary>One runtime as the engine registered it: "runsc" → /usr/local/bin/runsc --platform=ptrace; Kata → io.containerd.kata.v2.</summary>
public sealed record RuntimeRegistration(string Path, IReadOnlyList<string> Arguments, string Type)
{
    /// <summary>The command line as registered, for the manifest's notes.</summary>
    public string Describe() =>
        Path.Length > 0 ? string.Join(' ', [Path, .. Arguments]) : Type.Length > 0 ? "containerd runtime type " + Type : "(no path or type)";
}

public sealed record ImageFacts(string Id, IReadOnlyDictionary<string, string> Labels, long SizeBytes);

public sealed record ImageBuildRequest(string Tag, string Dockerfile, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> BuildArgs);

/// <summary>How to create one container. Runtime/Isolation are what an isolation mode sets.</summary>
public sealed record ContainerSpec
{
    public required string Image { get; init; }

    public IReadOnlyList<string> Command { get; init; } = [];

    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    /// <summary>Linux: HostConfig.Runtime (runc, crun, runsc…); null = engine default.</summary>
    public string? Runtime { get; init; }

    /// <summary>Windows: HostConfig.Isolation ("process" or "hyperv"); null = engine default.</summary>
    public string? Isolation { get; init; }

    /// <summary>"none" by default: network setup is a separate, named variant ("default": the engine's bridge on Linux, nat on Windows).</summary>
    public string NetworkMode { get; init; } = "none";

    /// <summary>
    /// Container TCP ports to publish, each on 127.0.0.1 of the engine's host at a port the engine picks
    /// (<see cref="IContainerEngine.PublishedPortAsync"/> says which); needs a network mode other than "none".
    /// </summary>
    public IReadOnlyList<int> PublishedPorts { get; init; } = [];

    /// <summary>host-path:container-path[:options] bind mounts.</summary>
    public IReadOnlyList<string> Binds { get; init; } = [];

    /// <summary>Container paths that each get a fresh anonymous volume on the engine's host, removed with the container.</summary>
    public IReadOnlyList<string> Volumes { get; init; } = [];

    public IReadOnlyList<string> Environment { get; init; } = [];

    public ContainerLimits Limits { get; init; } = ContainerLimits.LockedDown;

    /// <summary>
    /// Give the container an open stdin (docker run -i) that nobody writes to: it ends only when the container does.
    /// A held probe waits on it; without it stdin is the null device, whose end some runtimes (gVisor) cannot be told from a closed pipe.
    /// </summary>
    public bool OpenStdin { get; init; }
}

/// <summary>
/// Privileges and resource limits. Capabilities, no-new-privileges and pids are Linux only (Windows ignores them);
/// CPUs are a cpuset of the first N CPUs on Linux and a CPU count on Windows (both isolations alike).
/// </summary>
public sealed record ContainerLimits(bool DropAllCapabilities, bool NoNewPrivileges, long? PidsLimit, long? MemoryBytes)
{
    public const long LockedDownPids = 256;

    public static readonly ContainerLimits LockedDown = new(true, true, LockedDownPids, Resources.ResourceRequest.DefaultMemoryBytes);

    public static readonly ContainerLimits None = new(false, false, null, null);

    /// <summary>The first N logical CPUs; null = no CPU limit.</summary>
    public int? Cpus { get; init; }

    /// <summary>Linux: run without the engine's seccomp profile (and AppArmor profile, where the engine applies one); only a variant asks.</summary>
    public bool SecurityUnconfined { get; init; }

    /// <summary>Locked down, with the run's CPUs and memory.</summary>
    public static ContainerLimits For(Resources.ResourceRequest resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return LockedDown with { MemoryBytes = resources.MemoryBytes, Cpus = resources.Cpus };
    }

    /// <summary>
    /// Locked down with the run's CPUs and memory, but for the ONE knob a variant mode changes (<see cref="Results.ModeVariants"/>):
    /// unconfined keeps every limit and drops the seccomp/AppArmor profiles; nomemlimit drops the memory limit; nocpulimit the CPUs.
    /// Capabilities, no-new-privileges and the pids limit stay for every knob. Null knob: <see cref="For(Resources.ResourceRequest)"/>.
    /// </summary>
    public static ContainerLimits For(Resources.ResourceRequest resources, string? knob)
    {
        var limits = For(resources);
        return knob switch
        {
            null => limits,
            Results.ModeVariants.Unconfined => limits with { SecurityUnconfined = true },
            Results.ModeVariants.NoMemoryLimit => limits with { MemoryBytes = null },
            Results.ModeVariants.NoCpuLimit => limits with { Cpus = null },
            _ => throw new ArgumentException($"unknown knob '{knob}': one of {string.Join(", ", Results.ModeVariants.Knobs)}", nameof(knob)),
        };
    }
}

/// <summary>How the engine says it created a container (inspect after create): what verification holds the mode to.</summary>
public sealed record ContainerConfigFacts
{
    /// <summary>Linux: HostConfig.Runtime as the engine recorded it; empty when the engine reports none.</summary>
    public string Runtime { get; init; } = string.Empty;

    /// <summary>Windows: HostConfig.Isolation ("process", "hyperv"; "default" or empty on Linux).</summary>
    public string Isolation { get; init; } = string.Empty;

    public string CpusetCpus { get; init; } = string.Empty;

    public long CpuCount { get; init; }

    public long MemoryBytes { get; init; }

    public long? PidsLimit { get; init; }

    public IReadOnlyList<string> CapDrop { get; init; } = [];

    public IReadOnlyList<string> SecurityOpt { get; init; } = [];
}

public sealed record ContainerStateFacts(string Status, long ExitCode, bool OomKilled, string Error);

public sealed record ContainerSummary(string Id, string Image, string State, IReadOnlyDictionary<string, string> Labels);

/// <summary>One container event from the engine's /events stream, with the engine's clock (nanoseconds since the Unix epoch).</summary>
public sealed record ContainerEvent(string ContainerId, string Action, long TimeUnixNano, IReadOnlyDictionary<string, string> Attributes);
