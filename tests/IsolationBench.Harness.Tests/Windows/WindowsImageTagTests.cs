using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Images;
using IsolationBench.Harness.Modes;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>The nanoserver tag follows the host build read from the recorded daemons' KernelVersion.</summary>
public sealed class WindowsImageTagTests
{
    private static readonly IsolationMode Process = IsolationMode.ForWindowsIsolation("process");
    private static readonly IsolationMode Hyperv = IsolationMode.ForWindowsIsolation("hyperv");

    [Theory]
    [InlineData(RecordedWindowsHost.Server2022, "ltsc2022")]
    [InlineData(RecordedWindowsHost.Server2025, "ltsc2025")]
    [InlineData(RecordedWindowsHost.Windows11Of24H2, "ltsc2025")]
    [InlineData(RecordedWindowsHost.Windows11Of23H2, "ltsc2022")]
    public async Task The_tag_matches_the_host_build(string name, string tag)
    {
        var facts = await FactsOf(name);

        Assert.Equal(tag, WindowsImageTag.Choose(facts, [IsolationMode.Host, Process, Hyperv]));
    }

    [Fact]
    public async Task Windows_11_23h2_runs_ltsc2022_for_process_and_hyperv()
    {
        var facts = await FactsOf(RecordedWindowsHost.Windows11Of23H2);

        Assert.Equal("ltsc2022", WindowsImageTag.Choose(facts, [IsolationMode.Host, Process, Hyperv]));
        Assert.Equal("ltsc2022", WindowsImageTag.Choose(facts, [IsolationMode.Host, Hyperv]));
    }

    [Theory]
    [InlineData("10.0 17763 (17763.1.amd64fre.rs5_release.180914-1434)", 17763)]
    [InlineData("10.0 20348 (20348.1.amd64fre.fe_release.210507-1500)", 20348)]
    [InlineData("10.0 26100 (26100.1.amd64fre.ge_release.240331-1435)", 26100)]
    // 23H2 is an enablement package: BuildLabEx still says 22621, the running build is 22631.
    [InlineData("10.0 22631 (22621.1.amd64fre.ni_release.220506-1250)", 22631)]
    public void The_build_is_the_running_build_not_the_build_lab(string kernelVersion, int build) =>
        Assert.Equal(build, WindowsBuilds.FromKernelVersion("windows", kernelVersion));

    private static async Task<EngineFacts> FactsOf(string name)
    {
        await using var engine = new FakeWindowsEngine(RecordedWindowsHost.Load(name));
        await using var preflight = await Preflight.RunAsync(engine.Endpoint, insecure: true, engineRequired: true, CancellationToken.None);
        return preflight.Facts!;
    }
}
