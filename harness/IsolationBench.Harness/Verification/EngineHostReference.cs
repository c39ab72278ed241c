using System.Globalization;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Verification;

/// <summary>
/// What containers are verified against when the engine is on another machine: that machine's kernel and OS build
/// from the engine's /info, not the harness's own fingerprint. /info gives no boot time, so the reference has none:
/// <see cref="KernelIdentity"/> then identifies the host's kernel by its release (Linux) or major.minor.build
/// (Windows) alone, and a VM by a kernel of another release.
/// </summary>
public static class EngineHostReference
{
    public static IsolationFingerprint From(EngineFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var windows = string.Equals(facts.OsType, "windows", StringComparison.OrdinalIgnoreCase);
        return new IsolationFingerprint
        {
            Os = windows ? "windows" : facts.OsType.ToLowerInvariant(),
            OsDescription = facts.OperatingSystem,
            // Windows' /info says "10.0 20348 (20348.1.amd64fre…)"; a fingerprint says "10.0.20348.2227".
            KernelVersion = windows && facts.WindowsBuild is { } build ? string.Create(CultureInfo.InvariantCulture, $"10.0.{build}") : facts.KernelVersion,
            BootTimeUnixSeconds = null,
            InContainer = false,
            ContainerEvidence = [],
            HypervisorPresent = false,
            IsGVisor = false,
            GVisorEvidence = [],
            CpuCount = facts.Cpus,
            MemoryAvailableBytes = facts.MemoryBytes,
            MemoryTotalBytes = facts.MemoryBytes,
            Hostname = facts.Name,
            ProcessId = 0,
            NetworkInterfaces = [],
            TakenAtUtc = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A reference from /info: its boot time is not known.</summary>
    public static bool BootUnknown(IsolationFingerprint reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.BootTimeUnixSeconds is null;
    }
}
