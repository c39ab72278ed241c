using IsolationBench.Fingerprint;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Resources;
using IsolationBench.Harness.Verification;

namespace IsolationBench.Harness.Tests.Unit;

/// <summary>Each verification rule on recorded-style fingerprints (values as seen on this machine's runc, crun and runsc).</summary>
public sealed class VerificationRulesTests
{
    private static readonly ResourceRequest OneCpuOneGiB = new(1, 1L << 30);

    private static readonly IsolationFingerprint Host = new()
    {
        Os = "linux",
        OsDescription = "Debian GNU/Linux 12",
        KernelVersion = "6.1.0-18-amd64",
        BootTimeUnixSeconds = 1_700_000_000,
        InContainer = false,
        ContainerEvidence = [],
        HypervisorPresent = true,
        IsGVisor = false,
        GVisorEvidence = [],
        CpuCount = 2,
        MemoryAvailableBytes = 1,
        MemoryTotalBytes = 24L << 30,
        Hostname = "buildhost",
        ProcessId = 100,
        NetworkInterfaces = ["eth0", "lo"],
        TakenAtUtc = "2026-11-30T12:00:00Z",
    };

    private static readonly IsolationFingerprint Runc = Host with
    {
        InContainer = true,
        ContainerEvidence = ["dockerenv", "overlay-root:overlay", "pid1:isobench-probe"],
        Hostname = "4f1c2d3e4f5a",
        CpuCount = 1,
        AffinityCpuCount = 1,
        MemoryLimitBytes = 1L << 30,
        EffectiveCapabilities = "0000000000000000",
        NoNewPrivileges = true,
        PidsLimit = "256",
    };

    // As runsc 2022 shows it here: no cgroup files, no NoNewPrivs line, MemTotal sized to the limit.
    private static readonly IsolationFingerprint GVisor = Runc with
    {
        KernelVersion = "4.4.0",
        BootTimeUnixSeconds = 1_796_040_582,
        IsGVisor = true,
        GVisorEvidence = ["kernel-banner:4.4.0 #1 SMP Sun Jan 10 15:06:54 PST 2016"],
        AffinityCpuCount = null,
        MemoryLimitBytes = null,
        MemoryTotalBytes = 1L << 30,
        NoNewPrivileges = null,
        PidsLimit = null,
    };

    private static readonly Expectations Full = new(OneCpuOneGiB, LockedDown: true);

    [Fact]
    public void A_vm_mode_with_another_kernel_string_but_the_hosts_boot_time_fails()
    {
        // Old rule: any kernel string difference passed as a VM.
        var verdict = FingerprintVerifier.Verify(IsolationMode.ForRuntime("kata-qemu"), Runc with { KernelVersion = "6.1.0-patched" }, Host);

        Assert.False(verdict.Ok);
        Assert.Contains("shares the host's boot time", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gvisor_fingerprint_fails_a_vm_mode_and_a_vm_fingerprint_fails_gvisor()
    {
        var vm = Runc with { KernelVersion = "6.6.0-kata", BootTimeUnixSeconds = 1_800_000_000 };

        var asVm = FingerprintVerifier.Verify(IsolationMode.ForWindowsIsolation("hyperv"), GVisor, Host);
        var asGVisor = FingerprintVerifier.Verify(IsolationMode.ForRuntime("runsc"), vm, Host);

        Assert.False(asVm.Ok);
        Assert.Contains("saw gVisor's user-space kernel", asVm.Reason, StringComparison.Ordinal);
        Assert.False(asGVisor.Ok);
        Assert.Contains("booted on its own: a VM, not gVisor", asGVisor.Reason, StringComparison.Ordinal);
        Assert.True(FingerprintVerifier.Verify(IsolationMode.ForRuntime("kata-qemu"), vm, Host).Ok);
    }

    [Fact]
    public void A_vm_mode_without_a_boot_time_cannot_pass()
    {
        var verdict = FingerprintVerifier.Verify(IsolationMode.ForWindowsIsolation("hyperv"), Runc with { KernelVersion = "10.0.20348.1", BootTimeUnixSeconds = null }, Host);

        Assert.False(verdict.Ok);
        Assert.Contains("no boot time", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_seen_from_inside_must_be_the_ones_asked()
    {
        var runc = IsolationMode.ForRuntime("runc");

        Assert.True(FingerprintVerifier.Verify(runc, Runc, Host, Full).Ok);
        Assert.Equal("runc: saw 2 CPU(s) (Environment.ProcessorCount), asked 1", FingerprintVerifier.Verify(runc, Runc with { CpuCount = 2 }, Host, Full).Reason);
        Assert.Equal("runc: may run on 2 CPU(s) (cpuset/affinity), asked 1", FingerprintVerifier.Verify(runc, Runc with { AffinityCpuCount = 2 }, Host, Full).Reason);
        Assert.Equal("runc: saw a memory limit of 2 GiB, asked 1 GiB", FingerprintVerifier.Verify(runc, Runc with { MemoryLimitBytes = 2L << 30 }, Host, Full).Reason);
        Assert.Equal("runc: saw no memory limit, asked 1 GiB", FingerprintVerifier.Verify(runc, Runc with { MemoryLimitBytes = null }, Host, Full).Reason);
    }

    [Fact]
    public void The_host_baseline_is_held_to_the_same_limits()
    {
        var limitedHost = Host with { ProcessId = 7, CpuCount = 1, AffinityCpuCount = 1, MemoryLimitBytes = 1L << 30 };
        var hostOnly = new Expectations(OneCpuOneGiB, LockedDown: false);

        Assert.True(FingerprintVerifier.Verify(IsolationMode.Host, limitedHost, Host, hostOnly).Ok);
        Assert.False(FingerprintVerifier.Verify(IsolationMode.Host, Host with { ProcessId = 7 }, Host, hostOnly).Ok);
    }

    [Fact]
    public void Gvisor_shows_its_memory_limit_as_its_memtotal_and_hides_nnp_and_pids()
    {
        var verdict = FingerprintVerifier.Verify(IsolationMode.ForRuntime("runsc"), GVisor, Host, Full);

        Assert.True(verdict.Ok, verdict.Reason);
        Assert.Contains("not visible inside gVisor", verdict.Reason, StringComparison.Ordinal);
        Assert.False(FingerprintVerifier.Verify(IsolationMode.ForRuntime("runsc"), GVisor with { MemoryTotalBytes = 24L << 30 }, Host, Full).Ok);
    }

    [Fact]
    public void A_container_not_locked_down_fails_in_every_run()
    {
        var runc = IsolationMode.ForRuntime("runc");

        var caps = FingerprintVerifier.Verify(runc, Runc with { EffectiveCapabilities = "00000000a80425fb" }, Host, Full);
        var nnp = FingerprintVerifier.Verify(runc, Runc with { NoNewPrivileges = null }, Host, Full);
        var pids = FingerprintVerifier.Verify(runc, Runc with { PidsLimit = "max" }, Host, Full);

        Assert.Equal("runc: not locked down as asked: effective capabilities 00000000a80425fb, not none", caps.Reason);
        Assert.Equal("runc: not locked down as asked: no_new_privs unknown", nnp.Reason);
        Assert.Equal("runc: not locked down as asked: pids.max max, not 256", pids.Reason);
        Assert.True(FingerprintVerifier.Verify(runc, Runc with { PidsLimit = "max" }, Host).Ok, "without expectations only the boundary is checked");
    }

    [Theory]
    [InlineData("gvisor", "/usr/local/bin/runsc", "", KernelBoundary.UserSpaceKernel)]
    [InlineData("kata", "", "io.containerd.kata.v2", KernelBoundary.VirtualMachine)]
    [InlineData("sandbox", "", "io.containerd.runsc.v1", KernelBoundary.UserSpaceKernel)]
    [InlineData("runsc", "/usr/sbin/runc", "", KernelBoundary.SharedKernel)]
    [InlineData("crun", "/usr/bin/crun", "", KernelBoundary.SharedKernel)]
    [InlineData("mystery", "/opt/bin/mystery-rt", "", KernelBoundary.Unclassified)]
    public void A_runtime_is_what_the_engine_says_it_runs_not_what_it_is_called(string name, string path, string type, KernelBoundary expected)
    {
        var mode = IsolationMode.ForRuntime(name, new RuntimeRegistration(path, [], type));

        Assert.Equal(expected, mode.Boundary);
        Assert.StartsWith("engine /info: ", mode.ClassifiedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_runtime_is_classified_by_its_first_fingerprint()
    {
        Assert.Equal(KernelBoundary.UserSpaceKernel, FingerprintVerifier.Classify(GVisor, Host).Boundary);
        Assert.Equal(KernelBoundary.SharedKernel, FingerprintVerifier.Classify(Runc, Host).Boundary);
        Assert.Equal(KernelBoundary.VirtualMachine, FingerprintVerifier.Classify(Runc with { BootTimeUnixSeconds = 1_800_000_000 }, Host).Boundary);
        var unclassified = IsolationMode.ForRuntime("mystery", new RuntimeRegistration("/opt/mystery", [], string.Empty));
        Assert.False(FingerprintVerifier.Verify(unclassified, Runc, Host).Ok, "never passes before it is classified");
    }

    [Fact]
    public void The_engines_record_of_a_container_must_match_the_spec()
    {
        var spec = new ContainerSpec { Image = "probe", Labels = new Dictionary<string, string>(), Runtime = "crun", Limits = ContainerLimits.For(OneCpuOneGiB) };
        var faithful = new ContainerConfigFacts
        {
            Runtime = "crun", CpusetCpus = "0", MemoryBytes = 1L << 30, PidsLimit = 256, CapDrop = ["ALL"], SecurityOpt = ["no-new-privileges:true"],
        };

        Assert.Null(ContainerConfigCheck.Compare(spec, faithful));
        Assert.Equal("the engine created the container with runtime runc, not crun", ContainerConfigCheck.Compare(spec, faithful with { Runtime = "runc" }));
        Assert.Equal("the engine created the container with memory limit 0 bytes, not 1073741824; cpuset (none), not 0", ContainerConfigCheck.Compare(spec, faithful with { MemoryBytes = 0, CpusetCpus = string.Empty }));
        Assert.Equal("the engine created the container with capabilities not dropped; no-new-privileges not set", ContainerConfigCheck.Compare(spec, faithful with { CapDrop = [], SecurityOpt = ["no-new-privileges:false"] }));
    }

    [Fact]
    public void On_windows_the_record_holds_isolation_cpu_count_and_memory()
    {
        var spec = new ContainerSpec { Image = "probe", Labels = new Dictionary<string, string>(), Isolation = "hyperv", Limits = ContainerLimits.For(new ResourceRequest(4, 2L << 30)) };
        var recorded = new ContainerConfigFacts { Isolation = "hyperv", CpuCount = 4, MemoryBytes = 2L << 30 };

        Assert.Null(ContainerConfigCheck.Compare(spec, recorded));
        Assert.Equal("the engine created the container with isolation process, not hyperv; CPU count 0, not 4", ContainerConfigCheck.Compare(spec, recorded with { Isolation = "process", CpuCount = 0 }));
    }
}
