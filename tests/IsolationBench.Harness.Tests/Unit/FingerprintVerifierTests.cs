using IsolationBench.Fingerprint;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Verification;

namespace IsolationBench.Harness.Tests.Unit;

public sealed class FingerprintVerifierTests
{
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
        Hostname = "buildhost",
        ProcessId = 100,
        NetworkInterfaces = ["eth0", "lo"],
        TakenAtUtc = "2026-11-29T10:00:00Z",
    };

    private static readonly IsolationFingerprint RuncContainer = Host with
    {
        InContainer = true,
        ContainerEvidence = ["dockerenv", "overlay-root:overlay", "pid1:isobench-probe"],
        Hostname = "4f1c2d3e4f5a",
        BootTimeUnixSeconds = 1_700_000_001,
    };

    private static readonly IsolationFingerprint GVisorContainer = RuncContainer with
    {
        KernelVersion = "4.4.0",
        BootTimeUnixSeconds = 1_800_000_000,
        IsGVisor = true,
        GVisorEvidence = ["kernel-banner:4.4.0 #1 SMP Sun Jan 10 15:06:54 PST 2016"],
    };

    private static readonly IsolationFingerprint VmContainer = RuncContainer with
    {
        KernelVersion = "6.6.0-kata",
        BootTimeUnixSeconds = 1_800_000_000,
    };

    [Fact]
    public void Each_mode_accepts_what_it_should_see()
    {
        Assert.True(FingerprintVerifier.Verify(IsolationMode.Host, Host with { ProcessId = 7 }, Host).Ok);
        Assert.True(FingerprintVerifier.Verify(IsolationMode.ForRuntime("runc"), RuncContainer, Host).Ok);
        Assert.True(FingerprintVerifier.Verify(IsolationMode.ForRuntime("runsc"), GVisorContainer, Host).Ok);
        Assert.True(FingerprintVerifier.Verify(IsolationMode.ForRuntime("kata-qemu"), VmContainer, Host).Ok);
        Assert.True(FingerprintVerifier.Verify(IsolationMode.ForWindowsIsolation("hyperv"), VmContainer, Host).Ok);
    }

    [Fact]
    public void A_runsc_container_showing_the_host_kernel_is_rejected()
    {
        var verdict = FingerprintVerifier.Verify(IsolationMode.ForRuntime("runsc"), RuncContainer, Host);

        Assert.False(verdict.Ok);
        Assert.Equal("runsc: expected gVisor's kernel but the container saw kernel 6.1.0-18-amd64 — the host's own", verdict.Reason);
    }

    [Fact]
    public void A_runc_container_showing_gvisor_is_rejected()
    {
        var verdict = FingerprintVerifier.Verify(IsolationMode.ForRuntime("runc"), GVisorContainer, Host);

        Assert.False(verdict.Ok);
        Assert.StartsWith("runc: expected the host's kernel but the container saw gVisor", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hyperv_container_sharing_the_host_kernel_ran_with_process_isolation()
    {
        var verdict = FingerprintVerifier.Verify(IsolationMode.ForWindowsIsolation("hyperv"), RuncContainer, Host);

        Assert.False(verdict.Ok);
        Assert.Contains("it ran with process isolation", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_process_container_with_its_own_kernel_is_rejected()
    {
        var verdict = FingerprintVerifier.Verify(IsolationMode.ForWindowsIsolation("process"), VmContainer, Host);

        Assert.False(verdict.Ok);
        Assert.Contains("VM-isolated", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_baseline_inside_a_new_container_is_rejected()
    {
        var verdict = FingerprintVerifier.Verify(IsolationMode.Host, RuncContainer, Host);

        Assert.False(verdict.Ok);
        Assert.StartsWith("host: the baseline ran inside a container", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_container_that_looks_exactly_like_the_host_is_no_container()
    {
        var verdict = FingerprintVerifier.Verify(IsolationMode.ForRuntime("crun"), Host, Host);

        Assert.False(verdict.Ok);
        Assert.Contains("no container boundary", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_fingerprint_fails()
    {
        Assert.False(FingerprintVerifier.Verify(IsolationMode.ForRuntime("runc"), null, Host).Ok);
    }

    [Fact]
    public void Every_reason_is_one_line()
    {
        foreach (var mode in new[] { IsolationMode.Host, IsolationMode.ForRuntime("runc"), IsolationMode.ForRuntime("runsc"), IsolationMode.ForWindowsIsolation("hyperv") })
        {
            foreach (var seen in new[] { Host, RuncContainer, GVisorContainer, VmContainer })
            {
                Assert.DoesNotContain('\n', FingerprintVerifier.Verify(mode, seen, Host).Reason);
            }
        }
    }
}
