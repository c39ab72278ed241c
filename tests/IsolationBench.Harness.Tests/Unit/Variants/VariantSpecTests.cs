using IsolationBench.Fingerprint;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Resources;
using IsolationBench.Harness.Verification;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Unit.Variants;

/// <summary>
/// One knob, and only that one, differs from the parent's container spec; the engine's record and the fingerprint
/// hold the variant to it (and would refuse it on the parent's rules).
/// </summary>
public sealed class VariantSpecTests
{
    private static readonly ResourceRequest OneCpuOneGiB = new(1, 1L << 30);

    private static readonly IsolationMode Runc = IsolationMode.ForRuntime("runc");

    [Fact]
    public void Each_knob_changes_one_thing_of_the_parents_limits()
    {
        var parent = ContainerLimits.For(OneCpuOneGiB);

        Assert.Equal(parent, ContainerLimits.For(OneCpuOneGiB, null));
        Assert.Equal(parent with { SecurityUnconfined = true }, ContainerLimits.For(OneCpuOneGiB, ModeVariants.Unconfined));
        Assert.Equal(parent with { MemoryBytes = null }, ContainerLimits.For(OneCpuOneGiB, ModeVariants.NoMemoryLimit));
        Assert.Equal(parent with { Cpus = null }, ContainerLimits.For(OneCpuOneGiB, ModeVariants.NoCpuLimit));
        Assert.All(ModeVariants.Knobs.Select(k => ContainerLimits.For(OneCpuOneGiB, k)), l =>
            Assert.Equal((true, true, ContainerLimits.LockedDownPids), (l.DropAllCapabilities, l.NoNewPrivileges, l.PidsLimit)));
        Assert.Throws<ArgumentException>(() => ContainerLimits.For(OneCpuOneGiB, "seccomp"));
    }

    [Fact]
    public void The_engine_adapter_asks_for_seccomp_and_apparmor_unconfined_only_for_the_unconfined_knob()
    {
        Assert.Equal(["no-new-privileges:true"], DockerEngine.SecurityOptions(ContainerLimits.For(OneCpuOneGiB))!);
        Assert.Equal(["no-new-privileges:true", "seccomp=unconfined", "apparmor=unconfined"], DockerEngine.SecurityOptions(ContainerLimits.For(OneCpuOneGiB, ModeVariants.Unconfined))!);
        Assert.Equal(["no-new-privileges:true"], DockerEngine.SecurityOptions(ContainerLimits.For(OneCpuOneGiB, ModeVariants.NoMemoryLimit))!);
        Assert.Null(DockerEngine.SecurityOptions(ContainerLimits.None));
    }

    [Fact]
    public void The_engines_record_must_show_the_knob_and_nothing_else_changed()
    {
        var recorded = new ContainerConfigFacts
        {
            Runtime = "runc", CpusetCpus = "0", MemoryBytes = 1L << 30, PidsLimit = 256, CapDrop = ["ALL"], SecurityOpt = ["no-new-privileges:true"],
        };
        ContainerSpec Spec(string? knob) => new() { Image = "probe", Labels = new Dictionary<string, string>(), Runtime = "runc", Limits = ContainerLimits.For(OneCpuOneGiB, knob) };

        Assert.Null(ContainerConfigCheck.Compare(Spec(null), recorded));
        Assert.Null(ContainerConfigCheck.Compare(Spec(ModeVariants.Unconfined), recorded with { SecurityOpt = ["no-new-privileges:true", "seccomp=unconfined", "apparmor=unconfined"] }));
        Assert.Null(ContainerConfigCheck.Compare(Spec(ModeVariants.NoMemoryLimit), recorded with { MemoryBytes = 0 }));
        Assert.Null(ContainerConfigCheck.Compare(Spec(ModeVariants.NoCpuLimit), recorded with { CpusetCpus = string.Empty }));

        Assert.Equal("the engine created the container with seccomp not unconfined", ContainerConfigCheck.Compare(Spec(ModeVariants.Unconfined), recorded));
        Assert.Equal("the engine created the container with memory limit 1073741824 bytes, not none", ContainerConfigCheck.Compare(Spec(ModeVariants.NoMemoryLimit), recorded));
        Assert.Equal("the engine created the container with cpuset 0, not none", ContainerConfigCheck.Compare(Spec(ModeVariants.NoCpuLimit), recorded));
        Assert.Equal(
            "the engine created the container with seccomp profile changed (seccomp=unconfined), not the engine's default",
            ContainerConfigCheck.Compare(Spec(null), recorded with { SecurityOpt = ["no-new-privileges:true", "seccomp=unconfined"] }));
    }

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
        SeccompMode = 0,
    };

    // runc here with --cpus 1 --memory 1g: the engine's default seccomp filter (Seccomp 2).
    private static readonly IsolationFingerprint Parent = Host with
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
        SeccompMode = 2,
    };

    private static readonly Expectations LockedDown = new(OneCpuOneGiB, LockedDown: true);

    [Fact]
    public void A_variant_is_held_to_its_parents_isolation_and_its_own_knob()
    {
        var unconfined = Runc.WithKnob(ModeVariants.Unconfined);
        var noMemory = Runc.WithKnob(ModeVariants.NoMemoryLimit);
        var noCpu = Runc.WithKnob(ModeVariants.NoCpuLimit);

        Assert.True(FingerprintVerifier.Verify(Runc, Parent, Host, LockedDown).Ok);
        var passed = FingerprintVerifier.Verify(unconfined, Parent with { SeccompMode = 0 }, Host, LockedDown);
        Assert.True(passed.Ok, passed.Reason);
        Assert.Contains("container on the host kernel", passed.Reason, StringComparison.Ordinal);
        Assert.Contains("seccomp unconfined (Seccomp 0)", passed.Reason, StringComparison.Ordinal);
        Assert.Equal("runc+unconfined: asked seccomp unconfined, but the workload runs under a seccomp filter (Seccomp 2)", FingerprintVerifier.Verify(unconfined, Parent, Host, LockedDown).Reason);

        var unlimited = FingerprintVerifier.Verify(noMemory, Parent with { MemoryLimitBytes = null }, Host, LockedDown);
        Assert.True(unlimited.Ok, unlimited.Reason);
        Assert.Contains("1 CPU(s), no memory limit", unlimited.Reason, StringComparison.Ordinal);
        Assert.Equal("runc+nomemlimit: saw a memory limit of 1 GiB, asked none", FingerprintVerifier.Verify(noMemory, Parent, Host, LockedDown).Reason);
        Assert.False(FingerprintVerifier.Verify(Runc, Parent with { MemoryLimitBytes = null }, Host, LockedDown).Ok, "the parent still needs its limit");

        var allCpus = FingerprintVerifier.Verify(noCpu, Parent with { CpuCount = 2, AffinityCpuCount = 2 }, Host, LockedDown);
        Assert.True(allCpus.Ok, allCpus.Reason);
        Assert.Contains("no CPU limit (may run on 2 CPU(s)), memory limit 1 GiB", allCpus.Reason, StringComparison.Ordinal);
        Assert.False(FingerprintVerifier.Verify(Runc, Parent with { CpuCount = 2, AffinityCpuCount = 2 }, Host, LockedDown).Ok, "the parent still needs its CPUs");
        Assert.False(FingerprintVerifier.Verify(noCpu, Parent with { CpuCount = 2, AffinityCpuCount = 2, MemoryLimitBytes = null }, Host, LockedDown).Ok, "nocpulimit keeps the memory limit");
    }

    [Fact]
    public void An_unconfined_variant_that_cannot_read_its_seccomp_mode_fails_except_inside_gvisor()
    {
        var unconfined = Runc.WithKnob(ModeVariants.Unconfined);

        Assert.Contains("could not read its seccomp mode", FingerprintVerifier.Verify(unconfined, Parent with { SeccompMode = null }, Host, LockedDown).Reason, StringComparison.Ordinal);
        var runsc = IsolationMode.ForRuntime("runsc").WithKnob(ModeVariants.Unconfined);
        var gvisor = Parent with
        {
            KernelVersion = "4.4.0", BootTimeUnixSeconds = 1_796_040_582, IsGVisor = true, GVisorEvidence = ["kernel-banner:4.4.0"],
            AffinityCpuCount = null, MemoryLimitBytes = null, MemoryTotalBytes = 1L << 30, NoNewPrivileges = null, PidsLimit = null, SeccompMode = null,
        };
        var verdict = FingerprintVerifier.Verify(runsc, gvisor, Host, LockedDown);
        Assert.True(verdict.Ok, verdict.Reason);
        Assert.Contains("Seccomp not visible inside gVisor", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fingerprint_reads_the_seccomp_mode_from_proc_self_status()
    {
        Assert.Equal(2, FingerprintJson.Parse(FingerprintJson.Serialize(Parent)).SeccompMode);
        Assert.Contains("\"seccomp_mode\":2", FingerprintJson.Serialize(Parent), StringComparison.Ordinal);
    }
}
