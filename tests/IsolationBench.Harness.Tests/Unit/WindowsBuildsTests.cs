using System.Globalization;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Images;
using IsolationBench.Harness.Modes;

namespace IsolationBench.Harness.Tests.Unit;

public sealed class WindowsBuildsTests
{
    [Theory]
    [InlineData("10.0 20348 (20348.1.amd64fre.fe_release.210507-1500)", 20348)]
    [InlineData("10.0 17763 (17763.1.amd64fre.rs5_release.180914-1434)", 17763)]
    [InlineData("10.0 26100 (26100.1.amd64fre.ge_release.240331-1435)", 26100)]
    public void The_build_is_read_from_a_windows_kernel_version(string kernel, int build)
    {
        Assert.Equal(build, WindowsBuilds.FromKernelVersion("windows", kernel));
    }

    [Fact]
    public void Linux_engines_have_no_windows_build()
    {
        Assert.Null(WindowsBuilds.FromKernelVersion("linux", "6.1.0-18-amd64"));
    }

    [Theory]
    [InlineData(17763, "ltsc2019")]
    [InlineData(20348, "ltsc2022")]
    [InlineData(22000, "ltsc2022")]
    [InlineData(22621, "ltsc2022")]
    [InlineData(22631, "ltsc2022")]
    [InlineData(26100, "ltsc2025")]
    [InlineData(26200, "ltsc2025")]
    public void Process_isolation_follows_microsofts_compatibility_table(int build, string tag)
    {
        Assert.Equal(tag, WindowsBuilds.ProcessIsolatedTag(build));
    }

    [Fact]
    public void The_table_names_its_source_and_only_images_it_knows()
    {
        Assert.StartsWith("https://learn.microsoft.com/", WindowsBuilds.CompatibilitySource, StringComparison.Ordinal);
        Assert.All(WindowsBuilds.ProcessIsolation, r => Assert.Contains(WindowsBuilds.Images, i => i.Tag == r.Tag && i.Build <= r.HostBuild));
        Assert.Equal(WindowsBuilds.ProcessIsolationBuilds.Count, WindowsBuilds.ProcessIsolationBuilds.Distinct().Count());
    }

    [Fact]
    public void Windows_11_23h2_runs_the_server_2022_image_with_process_isolation()
    {
        Assert.Equal("ltsc2022", WindowsImageTag.Choose(Facts(22631), [IsolationMode.Host, IsolationMode.ForWindowsIsolation("process"), IsolationMode.ForWindowsIsolation("hyperv")]));
    }

    [Fact]
    public void Process_isolation_on_a_build_outside_the_table_is_refused_and_hyperv_offered()
    {
        // Windows 10 22H2: no Server image is supported process-isolated on it.
        var facts = Facts(19045);

        var ex = Assert.Throws<UsageException>(() => WindowsImageTag.Choose(facts, [IsolationMode.ForWindowsIsolation("process")]));

        Assert.DoesNotContain('\n', ex.Message);
        Assert.Contains("19045", ex.Message, StringComparison.Ordinal);
        Assert.Contains(WindowsBuilds.CompatibilitySource, ex.Message, StringComparison.Ordinal);
        Assert.Contains("--modes host,hyperv", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ltsc2019", ex.Message, StringComparison.Ordinal);
        Assert.Equal("ltsc2019", WindowsImageTag.Choose(facts, [IsolationMode.ForWindowsIsolation("hyperv")]));
    }

    private static EngineFacts Facts(int build) => new()
    {
        Version = "24.0.7",
        ApiVersion = "1.43",
        OsType = "windows",
        OperatingSystem = string.Create(CultureInfo.InvariantCulture, $"Windows 10 Pro (OS Build {build}.1000)"),
        KernelVersion = string.Create(CultureInfo.InvariantCulture, $"10.0 {build} ({build}.1.amd64fre.release.000000-0000)"),
        Runtimes = [],
    };
}
