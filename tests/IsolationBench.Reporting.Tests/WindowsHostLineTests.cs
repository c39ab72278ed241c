using IsolationBench.Reporting.Output;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Tests;

/// <summary>The report's environment shows the Windows-only host facts when the manifest has them, and nothing otherwise.</summary>
public sealed class WindowsHostLineTests
{
    private static readonly HostInfo Linux = new()
    {
        Os = "linux",
        OsDescription = "Debian GNU/Linux 12",
        Kernel = "6.1.0",
        CpuModel = "x",
        Cores = 2,
        MemoryBytes = 1L << 34,
        Hostname = "h",
    };

    [Fact]
    public void A_linux_manifest_or_one_written_before_these_facts_has_no_windows_lines() =>
        Assert.Empty(WindowsHostLine.Lines(Linux));

    [Fact]
    public void Defender_is_one_line_with_real_time_protection_and_the_data_root_exclusion()
    {
        var host = Linux with { Os = "windows", HypervisorPresent = true, Defender = new DefenderState(true, false) };

        var lines = WindowsHostLine.Lines(host).ToList();

        Assert.Equal(["Hypervisor", "Defender"], lines.Select(l => l.Label));
        Assert.Equal("real-time protection on; engine data root NOT excluded (create/remove and bind-mount I/O are scanned)", lines[1].Text);
    }

    [Theory]
    [InlineData(true, "engine data root excluded")]
    [InlineData(null, "engine data root exclusion unknown")]
    public void The_exclusion_says_only_what_was_read(bool? excluded, string expected)
    {
        var line = WindowsHostLine.Lines(Linux with { Defender = new DefenderState(false, excluded) }).Single();

        Assert.Equal("real-time protection off; " + expected, line.Text);
    }

    [Fact]
    public void No_running_hypervisor_says_hyperv_was_not_offered() =>
        Assert.Contains("hyperv was not offered", WindowsHostLine.Lines(Linux with { HypervisorPresent = false }).Single().Text, StringComparison.Ordinal);
}
