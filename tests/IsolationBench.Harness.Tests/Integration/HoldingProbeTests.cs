using System.Diagnostics;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>The probe's --hold mode (the density workload's payload): it stays alive after its protocol lines and ends on stdin's end or a signal.</summary>
public sealed class HoldingProbeTests
{
    [SkippableFact]
    public async Task A_held_probe_writes_its_three_lines_stays_alive_and_ends_when_stdin_closes()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the probe is published for linux-x64 here");
        using var probe = await StartAsync();

        await ReadProtocolAsync(probe);
        Assert.False(probe.WaitForExit(500), "a held probe exited on its own");

        probe.StandardInput.Close();
        Assert.True(probe.WaitForExit(10_000), "a held probe did not end when its stdin closed");
        Assert.Equal(0, probe.ExitCode);
    }

    [SkippableFact]
    public async Task A_held_probe_whose_stdin_stays_open_ends_with_exit_code_0_on_sigterm()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the probe is published for linux-x64 here");
        using var probe = await StartAsync();
        await ReadProtocolAsync(probe);

        using (var kill = Process.Start("kill", ["-TERM", probe.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        Assert.True(probe.WaitForExit(10_000), "a held probe did not end on SIGTERM");
        Assert.Equal(0, probe.ExitCode);
    }

    private static async Task<Process> StartAsync()
    {
        var binary = await RealEngine.Layout.EnsureProbeAsync("linux-x64", null, CancellationToken.None);
        var start = new ProcessStartInfo(binary, ["--hold"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("the probe did not start");
    }

    private static async Task ReadProtocolAsync(Process probe)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.Equal("ISOBENCH-READY", await probe.StandardOutput.ReadLineAsync(timeout.Token));
        Assert.StartsWith("{", await probe.StandardOutput.ReadLineAsync(timeout.Token), StringComparison.Ordinal);
        Assert.StartsWith("ISOBENCH-DONE", await probe.StandardOutput.ReadLineAsync(timeout.Token), StringComparison.Ordinal);
    }
}
