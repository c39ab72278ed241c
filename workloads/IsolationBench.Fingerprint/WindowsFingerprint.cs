using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using Microsoft.Win32;

namespace IsolationBench.Fingerprint;

/// <summary>
/// Windows detection. Unverified on a real Windows host from this repository's CI (no Windows machine there):
/// the README says so. Hyper-V isolation is decided by the harness, which compares the kernel boot time seen
/// inside (the utility VM's) with the host's; process isolation shares the host kernel and its boot time.
/// </summary>
internal static class WindowsFingerprint
{
    public static IsolationFingerprint Collect()
    {
        if (!OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Windows fingerprint on a non-Windows OS");
        }

        var version = Environment.OSVersion.Version;
        var ubr = ReadDword(@"SOFTWARE\Microsoft\Windows NT\CurrentVersion", "UBR");
        var kernel = string.Create(CultureInfo.InvariantCulture, $"{version.Major}.{version.Minor}.{version.Build}.{ubr ?? 0}");
        var containerType = ReadDword(@"SYSTEM\CurrentControlSet\Control", "ContainerType");
        using var self = Process.GetCurrentProcess();
        var cexec = Process.GetProcessesByName("CExecSvc");
        var cexecSessions = cexec.Select(p => p.SessionId).ToList();
        Array.ForEach(cexec, p => p.Dispose());
        var evidence = Evidence(containerType, Environment.UserName, cexecSessions, self.SessionId);
        var hypervisor = System.Runtime.Intrinsics.X86.X86Base.IsSupported && HypervisorBit(System.Runtime.Intrinsics.X86.X86Base.CpuId(1, 0).Ecx);

        var bootTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - (Environment.TickCount64 / 1000);
        return FingerprintCollector.Common("windows", kernel, evidence, [], hypervisor) with
        {
            WindowsContainerType = ContainerTypeFrom(containerType, hypervisor),
            BootTimeUnixSeconds = bootTime,
            AffinityCpuCount = System.Numerics.BitOperations.PopCount((ulong)Process.GetCurrentProcess().ProcessorAffinity),
            NetworkInterfaces = [.. System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces().Select(n => n.Name)],
        };
    }

    /// <summary>
    /// The process's own evidence only. Container sessions get a registry value the host does not have and run as
    /// ContainerAdministrator/ContainerUser. CExecSvc counts only in this process's own session: the host sees the
    /// CExecSvc of every process-isolated container (each in its container's session), so a leftover container
    /// must not make a host process look containerised.
    /// </summary>
    internal static List<string> Evidence(int? containerType, string userName, IReadOnlyCollection<int> cexecSvcSessions, int ownSession)
    {
        var evidence = new List<string>();
        if (containerType is not null)
        {
            evidence.Add(string.Create(CultureInfo.InvariantCulture, $"registry:ContainerType={containerType}"));
        }

        if (userName is "ContainerAdministrator" or "ContainerUser")
        {
            evidence.Add("user:" + userName);
        }

        if (cexecSvcSessions.Contains(ownSession))
        {
            evidence.Add("process:CExecSvc");
        }

        return evidence;
    }

    /// <summary>
    /// What the process itself can tell about its isolation: null outside a container, "process" or "unknown" inside.
    /// The ContainerType registry value (a REG_DWORD the container's registry has and a host's does not) is used by
    /// Microsoft's own code for its presence only (Application Insights profiler's
    /// EnvironmentUtilities.IsRunningInWindowsContainer; TraceEvent's container check): no source we found (moby,
    /// hcsshim, Microsoft's container docs) says what its number means, so the number decides nothing here. The CPUID
    /// hypervisor bit does: a Hyper-V-isolated container runs in a utility VM, whose CPU always reports a hypervisor,
    /// so a clear bit rules hyperv out. A set bit says nothing, because Hyper-V's root partition sets it too (a
    /// process-isolated container on a host with Hyper-V enabled): the harness decides then, by boot time.
    /// </summary>
    internal static string? ContainerTypeFrom(int? containerTypeValue, bool hypervisorBit) =>
        containerTypeValue is null ? null : hypervisorBit ? "unknown" : "process";

    /// <summary>CPUID leaf 1, ECX bit 31: "a hypervisor is present" (set in VMs and in Hyper-V's root partition).</summary>
    internal static bool HypervisorBit(int ecx) => (ecx & unchecked((int)0x8000_0000)) != 0;

    [SupportedOSPlatform("windows")]
    private static int? ReadDword(string key, string name)
    {
        using var k = Registry.LocalMachine.OpenSubKey(key);
        return k?.GetValue(name) is int value ? value : null;
    }
}
