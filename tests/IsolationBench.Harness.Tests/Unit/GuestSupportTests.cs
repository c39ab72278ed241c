using IsolationBench.Workloads.Guest;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Unit;

public sealed class GuestSupportTests
{
    private static readonly IsolationMode Process = IsolationMode.ForWindowsIsolation("process");

    [Theory]
    [InlineData("linux")]
    [InlineData("windows")]
    public void Every_guest_category_runs_on_linux_and_windows_hosts_and_engines(string os) =>
        GuestSupport.EnsureRunnable(GuestWorkloads.Categories, [IsolationMode.Host, Process], os, os);

    [Fact]
    public void A_guest_workload_on_an_os_without_benchmarks_is_refused_in_one_line_naming_where_it_runs()
    {
        var ex = Assert.Throws<UsageException>(() => GuestSupport.EnsureRunnable(["startup", "syscall"], [IsolationMode.Host], "freebsd", null));

        Assert.Equal("workload 'syscall' has no benchmark on freebsd (the host OS, for mode host): leave it out of --workloads (it runs on linux, windows)", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void The_engines_os_is_checked_for_container_modes_and_the_hosts_only_for_mode_host()
    {
        var ex = Assert.Throws<UsageException>(() => GuestSupport.EnsureRunnable(["cpu"], [Process], "linux", "plan9"));
        Assert.Contains("on plan9 (the engine's OS)", ex.Message, StringComparison.Ordinal);

        GuestSupport.EnsureRunnable(["cpu"], [Process], "plan9", "windows"); // no host mode: the host's OS runs no guest
        GuestSupport.EnsureRunnable(["cpu"], [IsolationMode.Host], "linux", "plan9"); // no container mode: the engine runs no guest
    }

    [Fact]
    public void The_guest_executor_runs_every_guest_category_and_nothing_else()
    {
        var executor = new GuestExecutor(null, "img", windowsContainers: false, "/opt/guest", "default", "/tmp/scratch");

        Assert.All(GuestWorkloads.Categories, c => Assert.True(executor.CanRun(c), c));
        Assert.False(executor.CanRun("startup"));
    }

    [Fact]
    public void Network_runs_in_every_mode_without_fio()
    {
        var linux = new GuestExecutor(null, "img", windowsContainers: false, "/opt/guest", "default", "/tmp/scratch");

        var args = linux.Arguments(new MatrixCell(1, false, "network", IsolationMode.ForRuntime("runsc")), "/a", "/l", "/v");

        Assert.Equal("network", args[args.IndexOf("--category") + 1]);
        Assert.DoesNotContain("--fio", args);
    }

    [Fact]
    public void Startup_is_not_a_guest_workload() =>
        GuestSupport.EnsureRunnable(["startup"], [IsolationMode.Host, Process], "plan9", "plan9");

    [Fact]
    public void Io_containers_run_fio_in_every_round_with_no_side_and_only_io_runs_fio()
    {
        var linux = new GuestExecutor(null, "img", windowsContainers: false, "/opt/guest", "default", "/tmp/scratch");
        var runc = IsolationMode.ForRuntime("runc");

        // The guest interleaves fio's jobs with ours, alternating sides inside every container: no --fio-when by round.
        foreach (var round in Enumerable.Range(1, 4))
        {
            var args = linux.Arguments(new MatrixCell(round, false, "io", runc), "/a", "/l", "/v");
            Assert.Contains("--fio", args);
            Assert.DoesNotContain("--fio-when", args);
        }

        Assert.DoesNotContain("--fio", linux.Arguments(new MatrixCell(1, false, "syscall", runc), "/a", "/l", "/v"));
        Assert.DoesNotContain("--fio", linux.Arguments(new MatrixCell(2, false, "cpu", runc), "/a", "/l", "/v"));
        var windows = new GuestExecutor(null, "img", windowsContainers: true, @"C:\guest.exe", "default", @"C:\scratch");
        Assert.DoesNotContain("--fio", windows.Arguments(new MatrixCell(1, false, "io", Process), "/a", "/l", "/v"));
    }
}
