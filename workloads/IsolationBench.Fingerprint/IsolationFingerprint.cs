using System.Text.Json.Serialization;

namespace IsolationBench.Fingerprint;

/// <summary>
/// What a process can tell, from inside, about where it runs. Written by the probe as one JSON line after its
/// ready line, stored per container in fingerprints.jsonl, and checked against the isolation mode that was asked.
/// </summary>
public sealed record IsolationFingerprint
{
    public const int CurrentSchema = 1;

    public int Schema { get; init; } = CurrentSchema;

    /// <summary>"linux" or "windows".</summary>
    public required string Os { get; init; }

    public required string OsDescription { get; init; }

    /// <summary>Linux: the kernel release (uname -r). Windows: major.minor.build.ubr of the kernel.</summary>
    public required string KernelVersion { get; init; }

    /// <summary>Linux: the full /proc/version line. Windows: null.</summary>
    public string? KernelBanner { get; init; }

    /// <summary>Kernel boot time (Unix seconds). A container on the host's kernel sees the host's; a VM or gVisor its own.</summary>
    public long? BootTimeUnixSeconds { get; init; }

    public required bool InContainer { get; init; }

    /// <summary>Each piece of evidence found, e.g. "dockerenv", "cgroup:/docker/…", "overlay-root", "pid1:isobench-probe".</summary>
    public required IReadOnlyList<string> ContainerEvidence { get; init; }

    /// <summary>
    /// Windows only, inside a container: "process" when the process's own evidence rules Hyper-V out (no hypervisor
    /// under its kernel), otherwise "unknown" (the harness decides by boot time); null elsewhere or outside a container.
    /// </summary>
    public string? WindowsContainerType { get; init; }

    public required bool HypervisorPresent { get; init; }

    [JsonPropertyName("is_gvisor")]
    public required bool IsGVisor { get; init; }

    [JsonPropertyName("gvisor_evidence")]
    public required IReadOnlyList<string> GVisorEvidence { get; init; }

    public required int CpuCount { get; init; }

    /// <summary>CPUs this process may run on (Linux: Cpus_allowed_list, i.e. its cpuset/affinity); null when unknown.</summary>
    public int? AffinityCpuCount { get; init; }

    /// <summary>The memory limit of this process's cgroup (v1 memory.limit_in_bytes, v2 memory.max) or Job Object; null when unlimited or unreadable.</summary>
    public long? MemoryLimitBytes { get; init; }

    /// <summary>Memory the runtime may use (respects a cgroup/job limit).</summary>
    public required long MemoryAvailableBytes { get; init; }

    /// <summary>Physical memory the kernel reports (MemTotal on Linux).</summary>
    public long? MemoryTotalBytes { get; init; }

    public required string Hostname { get; init; }

    public required int ProcessId { get; init; }

    public string? Pid1Command { get; init; }

    public string? RootFileSystem { get; init; }

    /// <summary>Linux: effective capability mask (CapEff, hex) — "0000000000000000" when all were dropped.</summary>
    public string? EffectiveCapabilities { get; init; }

    /// <summary>Linux: the no_new_privs flag of this process.</summary>
    public bool? NoNewPrivileges { get; init; }

    /// <summary>Linux: /proc/self/status Seccomp — 0 no filter, 1 strict, 2 a filter (the engine's default profile); null when unknown.</summary>
    public int? SeccompMode { get; init; }

    /// <summary>Linux: the cgroup's process limit (pids.max), "max" when unlimited, null when unknown.</summary>
    public string? PidsLimit { get; init; }

    /// <summary>Network interfaces visible (Linux: /sys/class/net), e.g. ["lo"] when the container has no network.</summary>
    public required IReadOnlyList<string> NetworkInterfaces { get; init; }

    /// <summary>When the fingerprint was taken (UTC, ISO 8601).</summary>
    public required string TakenAtUtc { get; init; }
}
