using System.Globalization;

namespace IsolationBench.Harness.Engine;

/// <summary>A nanoserver image tag and the Windows build its kernel-mode expectations were made for.</summary>
public sealed record WindowsImage(string Tag, int Build, string Name);

/// <summary>One row of Microsoft's process-isolation compatibility table: this host build runs this image.</summary>
public sealed record ProcessIsolationRow(int HostBuild, string Host, string Tag);

/// <summary>
/// Windows host builds and the nanoserver images they can run. The one table of the suite: run.ps1 carries a copy
/// (it cannot call C#) that a test keeps equal to this one.
/// </summary>
public static class WindowsBuilds
{
    /// <summary>Microsoft's "Windows container version compatibility" page, the source of <see cref="ProcessIsolation"/>.</summary>
    public const string CompatibilitySource = "https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/version-compatibility";

    public static readonly IReadOnlyList<WindowsImage> Images =
    [
        new("ltsc2019", 17763, "Windows Server 2019"),
        new("ltsc2022", 20348, "Windows Server 2022"),
        new("ltsc2025", 26100, "Windows Server 2025"),
    ];

    /// <summary>
    /// Host builds that run a process-isolated image, and which. Servers run their own build; Windows 11 runs
    /// Server 2022 images (21H2, 22H2, 23H2) and, from 24H2 on, Server 2025 images.
    /// </summary>
    public static readonly IReadOnlyList<ProcessIsolationRow> ProcessIsolation =
    [
        new(17763, "Windows Server 2019", "ltsc2019"),
        new(20348, "Windows Server 2022", "ltsc2022"),
        new(22000, "Windows 11 21H2", "ltsc2022"),
        new(22621, "Windows 11 22H2", "ltsc2022"),
        new(22631, "Windows 11 23H2", "ltsc2022"),
        new(26100, "Windows Server 2025 / Windows 11 24H2", "ltsc2025"),
        new(26200, "Windows 11 25H2", "ltsc2025"),
    ];

    /// <summary>Host builds on which process isolation can run one of <see cref="Images"/>.</summary>
    public static IReadOnlyList<int> ProcessIsolationBuilds => [.. ProcessIsolation.Select(r => r.HostBuild)];

    /// <summary>The nanoserver tag process isolation runs on this host build, or null when the table has none.</summary>
    public static string? ProcessIsolatedTag(int hostBuild) => ProcessIsolation.FirstOrDefault(r => r.HostBuild == hostBuild)?.Tag;

    /// <summary>The newest image not newer than the build: what hyperv isolation can run on that host.</summary>
    public static string? NewestRunnableTag(int build) =>
        Images.Where(i => i.Build <= build).OrderByDescending(i => i.Build).Select(i => i.Tag).FirstOrDefault();

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
