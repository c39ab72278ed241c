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
    [InlineData(26100, "ltsc2025")]
    public void Each_host_build_gets_its_own_nanoserver_tag(int build, string tag)
    {
        Assert.Equal(tag, WindowsBuilds.NanoserverTag(build));
    }

    [Fact]
    public void Process_isolation_on_a_build_without_an_image_is_refused_and_hyperv_offered()
    {
        var facts = new EngineFacts
        {
            Version = "24.0.7",
            ApiVersion = "1.43",
            OsType = "windows",
            OperatingSystem = "Windows 11 Pro Version 23H2 (OS Build 22631.2861)",
            KernelVersion = "10.0 22631 (22631.1.amd64fre.ni_release.220506-1250)",
            Runtimes = [],
        };

        var ex = Assert.Throws<UsageException>(() => WindowsImageTag.Choose(facts, [IsolationMode.ForWindowsIsolation("process")]));

        Assert.Contains("22631", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--modes host,hyperv", ex.Message, StringComparison.Ordinal);
        Assert.Equal("ltsc2022", WindowsImageTag.Choose(facts, [IsolationMode.ForWindowsIsolation("hyperv")]));
    }
}
