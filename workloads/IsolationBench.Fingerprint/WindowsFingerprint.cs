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
        var evidence = new List<string>();

        // Container sessions get a registry value the host does not have, and run as ContainerAdministrator/ContainerUser.
        var containerType = ReadDword(@"SYSTEM\CurrentControlSet\Control", "ContainerType");
        if (containerType is not null)
        {
            evidence.Add(string.Create(CultureInfo.InvariantCulture, $"registry:ContainerType={containerType}"));
        }

        if (Environment.UserName is "ContainerAdministrator" or "ContainerUser")
        {
            evidence.Add("user:" + Environment.UserName);
        }

        if (Process.GetProcessesByName("CExecSvc").Length > 0)
        {
            evidence.Add("process:CExecSvc");
        }

        var bootTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - (Environment.TickCount64 / 1000);
        return FingerprintCollector.Common("windows", kernel, evidence, [], hypervisor: false) with
        {
            BootTimeUnixSeconds = bootTime,
            AffinityCpuCount = System.Numerics.BitOperations.PopCount((ulong)Process.GetCurrentProcess().ProcessorAffinity),
            NetworkInterfaces = [.. System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces().Select(n => n.Name)],
        };
    }

    [SupportedOSPlatform("windows")]
    private static int? ReadDword(string key, string name)
    {
        using var k = Registry.LocalMachine.OpenSubKey(key);
        return k?.GetValue(name) is int value ? value : null;
    }
}
