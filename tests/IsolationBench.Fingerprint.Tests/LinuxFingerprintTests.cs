namespace IsolationBench.Fingerprint.Tests;

public sealed class LinuxFingerprintTests
{
    [Fact]
    public void Plain_host_shows_no_container_evidence()
    {
        using var tree = FakeProcTree.Host();

        var fp = LinuxFingerprint.Collect(tree.View);

        Assert.False(fp.InContainer);
        Assert.Empty(fp.ContainerEvidence);
        Assert.False(fp.IsGVisor);
        Assert.Equal("6.1.0-18-amd64", fp.KernelVersion);
        Assert.Equal(1700000000, fp.BootTimeUnixSeconds);
        Assert.Equal(24576000L * 1024, fp.MemoryTotalBytes);
        Assert.Equal("ext4", fp.RootFileSystem);
        Assert.False(fp.HypervisorPresent);
        Assert.Equal(["eth0", "lo"], fp.NetworkInterfaces);
        Assert.Equal("000001ffffffffff", fp.EffectiveCapabilities);
        Assert.False(fp.NoNewPrivileges);
    }

    [Theory]
    [InlineData("CapEff:\t0000000000000000\nSeccomp:\t2\nSeccomp_filters:\t1\n", 2)]
    [InlineData("CapEff:\t0000000000000000\nSeccomp:\t0\n", 0)]
    [InlineData("CapEff:\t0000000000000000\n", null)]
    [InlineData("Seccomp:\tfiltered\n", null)]
    public void The_seccomp_mode_comes_from_proc_self_status(string status, int? mode)
    {
        using var tree = FakeProcTree.Host().With("/proc/self/status", status);

        Assert.Equal(mode, LinuxFingerprint.Collect(tree.View).SeccompMode);
    }

    [Fact]
    public void Docker_container_is_recognised_by_each_piece_of_evidence()
    {
        using var tree = FakeProcTree.Host()
            .With("/.dockerenv", string.Empty)
            .With("/proc/1/comm", "isobench-probe\n")
            .With("/proc/self/cgroup", "12:memory:/docker/4f1c2d\n0::/docker/4f1c2d\n")
            .With("/proc/self/mountinfo", "600 500 0:52 / / rw,relatime master:1 - overlay overlay rw,lowerdir=/x\n")
            .With("/proc/self/status", "CapEff:\t0000000000000000\nNoNewPrivs:\t1\n");

        var fp = LinuxFingerprint.Collect(tree.View);

        Assert.True(fp.InContainer);
        Assert.Equal(["dockerenv", "cgroup:/docker/4f1c2d", "overlay-root:overlay", "pid1:isobench-probe"], fp.ContainerEvidence);
        Assert.Equal("0000000000000000", fp.EffectiveCapabilities);
        Assert.True(fp.NoNewPrivileges);
    }

    [Fact]
    public void GVisor_is_recognised_by_its_fixed_kernel_banner()
    {
        using var tree = FakeProcTree.Host()
            .With("/proc/sys/kernel/osrelease", "4.4.0\n")
            .With("/proc/version", "Linux version 4.4.0 #1 SMP Sun Jan 10 15:06:54 PST 2016\n");

        var fp = LinuxFingerprint.Collect(tree.View);

        Assert.True(fp.IsGVisor);
        Assert.Single(fp.GVisorEvidence);
    }

    [Fact]
    public void GVisor_without_osrelease_is_still_recognised_from_the_banner()
    {
        // Seen here: gVisor release-20221219 serves /proc/version but no /proc/sys/kernel/osrelease.
        using var tree = FakeProcTree.Host()
            .With("/proc/version", "Linux version 4.4.0 #1 SMP Sun Jan 10 15:06:54 PST 2016\n");
        File.Delete(Path.Combine(tree.Root, "proc/sys/kernel/osrelease"));

        var fp = LinuxFingerprint.Collect(tree.View);

        Assert.Equal("4.4.0", fp.KernelVersion);
        Assert.True(fp.IsGVisor);
    }

    [Fact]
    public void A_real_old_4_4_kernel_is_not_taken_for_gvisor()
    {
        using var tree = FakeProcTree.Host()
            .With("/proc/sys/kernel/osrelease", "4.4.0\n")
            .With("/proc/version", "Linux version 4.4.0-210-generic (buildd@lgw01) #242-Ubuntu SMP Fri Apr 16 09:57:56 UTC 2021\n");

        Assert.False(LinuxFingerprint.Collect(tree.View).IsGVisor);
    }

    [Fact]
    public void Hypervisor_flag_is_read_from_cpuinfo_flags_only()
    {
        Assert.True(LinuxFingerprint.HasHypervisorFlag("flags\t\t: fpu hypervisor sse2\n"));
        Assert.False(LinuxFingerprint.HasHypervisorFlag("model name\t: hypervisor-themed cpu\nflags\t\t: fpu\n"));
        Assert.False(LinuxFingerprint.HasHypervisorFlag(null));
    }

    [Fact]
    public void Missing_files_give_an_empty_but_valid_fingerprint()
    {
        using var tree = new FakeProcTree();

        var fp = LinuxFingerprint.Collect(tree.View);

        Assert.Equal("unknown", fp.KernelVersion);
        Assert.Null(fp.BootTimeUnixSeconds);
        Assert.False(fp.InContainer);
    }
}
