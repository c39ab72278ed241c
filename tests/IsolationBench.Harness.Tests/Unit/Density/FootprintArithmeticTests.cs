using IsolationBench.Workloads.Density;

namespace IsolationBench.Harness.Tests.Unit.Density;

/// <summary>The memory arithmetic on readings recorded on this machine (Debian 12, 6.x kernel, cgroup v1).</summary>
public sealed class FootprintArithmeticTests
{
    private const string MemInfoText = """
        MemTotal:       24634580 kB
        MemFree:        15021304 kB
        MemAvailable:   21567412 kB
        Buffers:          190420 kB
        Cached:          6287532 kB
        """;

    private const string SmapsRollup = """
        00400000-7ffd4e5fe000 ---p 00000000 00:00 0                              [rollup]
        Rss:                3412 kB
        Pss:                1093 kB
        Pss_Anon:            664 kB
        Pss_File:            429 kB
        Shared_Clean:       2748 kB
        """;

    [Fact]
    public void Meminfo_gives_total_and_available_in_bytes()
    {
        var info = MemInfo.Parse(MemInfoText);

        Assert.Equal(24634580L * 1024, info.TotalBytes);
        Assert.Equal(21567412L * 1024, info.AvailableBytes);
    }

    [Fact]
    public void A_meminfo_without_MemAvailable_is_refused_by_name() =>
        Assert.Contains("MemAvailable", Assert.Throws<FormatException>(() => MemInfo.Parse("MemTotal: 1 kB\n")).Message, StringComparison.Ordinal);

    [Fact]
    public void The_drop_of_MemAvailable_is_divided_among_the_containers_alive()
    {
        var before = new MemInfo(24L << 30, 20L << 30);
        var after = new MemInfo(24L << 30, (20L << 30) - (8 * 13L << 20)); // 8 containers of 13 MiB (runc, measured from the shell)

        Assert.Equal(13.0, FootprintArithmetic.AvailableDropPerContainerMib(before, after, 8), 9);
        Assert.Equal(-1.0, FootprintArithmetic.AvailableDropPerContainerMib(after, new MemInfo(24L << 30, after.AvailableBytes + (2L << 20)), 2), 9);
    }

    [Fact]
    public void Pss_is_read_from_smaps_rollup_in_bytes_and_not_confused_with_its_anon_and_file_parts() =>
        Assert.Equal(1093L * 1024, FootprintArithmetic.PssBytes(SmapsRollup));

    [Fact]
    public void A_cgroup_charge_is_one_byte_count() =>
        Assert.Equal(3.5, FootprintArithmetic.PerContainerMib(FootprintArithmetic.CgroupBytes("7340032\n"), 2), 9);

    [Fact]
    public void Zero_containers_have_no_per_container_figure() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FootprintArithmetic.PerContainerMib(1, 0));

    // /proc/PID/status of gVisor's sentry on this VM (lines trimmed to those around the two read).
    private const string SentryStatus =
        "Name:\texe\nVmRSS:\t   27188 kB\nVmPTE:\t     172 kB\nVmSwap:\t       0 kB\nHugetlbPages:\t       0 kB\n"
        + "CoreDumping:\t0\nThreads:\t15\nSigQ:\t0/96373\n";

    [Fact]
    public void Kernel_memory_is_the_page_tables_and_a_16_KiB_stack_per_thread()
    {
        Assert.Equal((172L * 1024) + (15 * 16 * 1024), FootprintArithmetic.KernelBytes(SentryStatus));
    }

    [Fact]
    public void A_status_without_page_tables_is_refused_rather_than_counted_as_nothing() =>
        Assert.Throws<FormatException>(() => FootprintArithmetic.KernelBytes("Name:\tkthreadd\nThreads:\t1\n"));
}
