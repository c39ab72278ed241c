using System.Globalization;
using System.Runtime.InteropServices;

namespace IsolationBench.Fingerprint;

/// <summary>Takes the fingerprint of the current process's environment. Never throws: missing evidence is simply absent.</summary>
public static class FingerprintCollector
{
    public static IsolationFingerprint Collect() => Collect(new FileSystemView("/"));

    /// <summary>Collects with Linux files read under <paramref name="root"/> (tests point it at a recorded tree).</summary>
    public static IsolationFingerprint Collect(FileSystemView root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return OperatingSystem.IsWindows() ? WindowsFingerprint.Collect() : LinuxFingerprint.Collect(root);
    }

    internal static IsolationFingerprint Common(
        string os,
        string kernel,
        IReadOnlyList<string> containerEvidence,
        IReadOnlyList<string> gvisorEvidence,
        bool hypervisor) => new()
        {
            Os = os,
            OsDescription = RuntimeInformation.OSDescription,
            KernelVersion = kernel,
            InContainer = containerEvidence.Count > 0,
            ContainerEvidence = containerEvidence,
            IsGVisor = gvisorEvidence.Count > 0,
            GVisorEvidence = gvisorEvidence,
            HypervisorPresent = hypervisor,
            CpuCount = Environment.ProcessorCount,
            MemoryAvailableBytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            Hostname = Environment.MachineName,
            ProcessId = Environment.ProcessId,
            NetworkInterfaces = [],
            TakenAtUtc = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
}
