using IsolationBench.Workloads.Startup.RuntimeDirect;
using System.Diagnostics;
using System.Globalization;

namespace IsolationBench.Harness.Tests.Unit.RuntimeDirect;

public sealed class OrphanReaperTests
{
    [Theory]
    [InlineData("4242 (runsc) Z 17 4242 4242 0 -1", 'Z', 17)]
    [InlineData("99 (exe) S 1 99 99 0 -1 4194560", 'S', 1)]
    [InlineData("7 (a (b) c) R 3 7 7", 'R', 3)]
    [InlineData("8 (with space ) Z 12 8", 'Z', 12)]
    public void A_stat_line_gives_state_and_parent_even_when_the_name_holds_spaces_and_parentheses(string stat, char state, int parent)
    {
        Assert.Equal((state, parent), OrphanReaper.ParseStat(stat));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12 no-parenthesis S 1")]
    [InlineData("12 (x) S notanumber")]
    public void A_stat_line_that_cannot_be_read_gives_nothing(string stat)
    {
        Assert.Null(OrphanReaper.ParseStat(stat));
    }

    [SkippableFact]
    public async Task An_orphan_left_by_a_started_process_is_adopted_and_reaped_while_the_started_ones_keep_their_exit_codes()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/bin/sh"), "subreapers are Linux's; needs /bin/sh");
        using var reaper = OrphanReaper.Create();
        int orphan;
        using (reaper.Open())
        {
            // The shell exits at once, leaving its background sleep to the nearest subreaper: this process.
            using var shell = new Process { StartInfo = new ProcessStartInfo("/bin/sh", ["-c", "sleep 0.3 & echo $!; exit 3"]) { RedirectStandardOutput = true } };
            reaper.Start(shell);
            orphan = int.Parse((await shell.StandardOutput.ReadLineAsync())!, CultureInfo.InvariantCulture);
            await shell.WaitForExitAsync();
            reaper.Forget(shell.Id);
            Assert.Equal(3, shell.ExitCode);

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (reaper.Reaped == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }

        Assert.Equal(1, reaper.Reaped);
        Assert.DoesNotContain(OrphanReaper.Children(Environment.ProcessId), c => c.Pid == orphan);
    }

    [SkippableFact]
    public async Task After_the_scope_closes_a_process_started_elsewhere_is_never_taken_for_an_orphan()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/bin/sh"), "needs /bin/sh");
        using var reaper = OrphanReaper.Create();
        using (reaper.Open())
        {
        }

        // Started with plain Process.Start, outside any scope: .NET must still see its exit code.
        using var other = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "exit 5"]))!;
        await other.WaitForExitAsync();

        Assert.Equal(5, other.ExitCode);
        Assert.Equal(0, reaper.Reaped);
    }
}
