namespace IsolationBench.Fingerprint.Tests;

/// <summary>The limits a process sees from inside: its CPUs (cpuset/affinity) and its own cgroup's memory limit.</summary>
public sealed class ResourceFingerprintTests
{
    [Theory]
    [InlineData("0", 1)]
    [InlineData("0-3", 4)]
    [InlineData("0-1,4,6-7", 5)]
    public void Cpu_lists_are_counted(string list, int count) => Assert.Equal(count, LinuxFingerprint.CountCpuList(list));

    [Theory]
    [InlineData("")]
    [InlineData("3-1")]
    [InlineData("a-b")]
    public void Malformed_cpu_lists_are_unknown(string list) => Assert.Null(LinuxFingerprint.CountCpuList(list));

    [Fact]
    public void A_host_process_in_the_harness_cgroup_reads_its_own_v1_limit_not_the_roots()
    {
        using var tree = FakeProcTree.Host()
            .With("/proc/self/cgroup", "5:memory:/isolationbench/r1\n4:cpuset:/isolationbench/r1\n")
            .With("/proc/self/status", "Name:\tprobe\nCpus_allowed_list:\t0\n")
            .With("/sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n")
            .With("/sys/fs/cgroup/memory/isolationbench/r1/memory.limit_in_bytes", "1073741824\n");

        var fingerprint = FingerprintCollector.Collect(tree.View);

        Assert.Equal(1L << 30, fingerprint.MemoryLimitBytes);
        Assert.Equal(1, fingerprint.AffinityCpuCount);
    }

    [Fact]
    public void A_container_reads_its_limit_at_the_mounts_root()
    {
        using var tree = FakeProcTree.Host()
            .With("/proc/self/cgroup", "5:memory:/docker/abc\n")
            .With("/sys/fs/cgroup/memory/memory.limit_in_bytes", "536870912\n");

        Assert.Equal(512L << 20, FingerprintCollector.Collect(tree.View).MemoryLimitBytes);
    }

    [Fact]
    public void Cgroup_v2_max_and_v1_unlimited_are_no_limit()
    {
        using var v2 = FakeProcTree.Host().With("/sys/fs/cgroup/memory.max", "max\n");
        using var v2Limited = FakeProcTree.Host().With("/sys/fs/cgroup/user.slice/user-1000.slice/session-2.scope/memory.max", "2147483648\n");
        using var v1 = FakeProcTree.Host().With("/proc/self/cgroup", "5:memory:/\n").With("/sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n");

        Assert.Null(FingerprintCollector.Collect(v2.View).MemoryLimitBytes);
        Assert.Equal(2L << 30, FingerprintCollector.Collect(v2Limited.View).MemoryLimitBytes);
        Assert.Null(FingerprintCollector.Collect(v1.View).MemoryLimitBytes);
    }
}
