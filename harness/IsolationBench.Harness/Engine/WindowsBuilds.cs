using System.Globalization;

namespace IsolationBench.Harness.Engine;

/// <summary>Windows host builds and the nanoserver tag whose build equals them (process isolation needs equality).</summary>
public static class WindowsBuilds
{
    private static readonly (int Build, string Tag, string Name)[] Known =
    [
        (17763, "ltsc2019", "Windows Server 2019"),
        (20348, "ltsc2022", "Windows Server 2022"),
        (26100, "ltsc2025", "Windows Server 2025 / Windows 11 24H2"),
    ];

    public static IReadOnlyList<int> KnownBuilds => [.. Known.Select(k => k.Build)];

    /// <summary>The nanoserver tag for a host build, or null when no tag has exactly that build.</summary>
    public static string? NanoserverTag(int build) => Known.FirstOrDefault(k => k.Build == build).Tag;

    /// <summary>The newest known tag not newer than the build: what hyperv isolation can run on that host.</summary>
    public static string? NewestRunnableTag(int build) =>
        Known.Where(k => k.Build <= build).OrderByDescending(k => k.Build).Select(k => k.Tag).FirstOrDefault();

    /// <summary>Windows daemons report KernelVersion like "10.0 20348 (20348.1.amd64fre.fe_release.210507-1500)".</summary>
    public static int? FromKernelVersion(string osType, string kernelVersion)
    {
        if (!string.Equals(osType, "windows", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(kernelVersion))
        {
            return null;
        }

        foreach (var token in kernelVersion.Split([' ', '(', ')', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Length == 5 && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var build) && build >= 10240)
            {
                return build;
            }
        }

        return null;
    }
}
