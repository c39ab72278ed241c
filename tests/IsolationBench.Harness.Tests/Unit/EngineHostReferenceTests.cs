using IsolationBench.Fingerprint;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Verification;

namespace IsolationBench.Harness.Tests.Unit;

/// <summary>Verification against a remote engine's host as its /info describes it: a kernel release, no boot time.</summary>
public sealed class EngineHostReferenceTests
{
    private static readonly IsolationFingerprint Reference = EngineHostReference.From(SelectionTests.LinuxEngine with { Name = "engine-host", Cpus = 8 }, DateTimeOffset.UnixEpoch);

    private static readonly IsolationFingerprint Runc = Reference with
    {
        InContainer = true,
        ContainerEvidence = ["dockerenv", "overlay-root:overlay"],
        Hostname = "4f1c2d3e4f5a",
        BootTimeUnixSeconds = 1_700_000_000,
        CpuCount = 1,
    };

    [Fact]
    public void The_reference_is_the_engine_hosts_kernel_and_name_with_no_boot_time()
    {
        Assert.Equal("linux", Reference.Os);
        Assert.Equal("6.1.0", Reference.KernelVersion);
        Assert.Equal("engine-host", Reference.Hostname);
        Assert.Null(Reference.BootTimeUnixSeconds);
        Assert.True(EngineHostReference.BootUnknown(Reference));
    }

    [Fact]
    public void A_shared_kernel_container_passes_on_the_release_alone_and_says_so()
    {
        var verdict = FingerprintVerifier.Verify(IsolationMode.ForRuntime("runc"), Runc, Reference);

        Assert.True(verdict.Ok, verdict.Reason);
        Assert.Contains("release alone", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_kernel_container_on_another_release_fails()
    {
        var verdict = FingerprintVerifier.Verify(IsolationMode.ForRuntime("runc"), Runc with { KernelVersion = "6.6.0-kata" }, Reference);

        Assert.False(verdict.Ok);
    }

    [Fact]
    public void A_vm_passes_on_another_release_and_fails_on_the_hosts_own_without_a_boot_time()
    {
        Assert.True(FingerprintVerifier.Verify(IsolationMode.ForRuntime("kata-qemu"), Runc with { KernelVersion = "6.6.0-kata" }, Reference).Ok);

        var same = FingerprintVerifier.Verify(IsolationMode.ForRuntime("kata-qemu"), Runc, Reference);
        Assert.False(same.Ok);
        Assert.Contains("no boot time", same.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_boot_time_from_a_shared_kernel_probe_is_adopted_only_when_its_kernel_is_the_references()
    {
        var (adopted, note) = EngineHostBoot.Adopt(Reference, "runc", Runc, null);
        Assert.Equal(1_700_000_000, adopted.BootTimeUnixSeconds);
        Assert.Contains("read by a runc probe", note, StringComparison.Ordinal);

        // With it, a VM of the host's own release is told apart by its boot.
        Assert.True(FingerprintVerifier.Verify(IsolationMode.ForRuntime("kata-qemu"), Runc with { BootTimeUnixSeconds = 1_800_000_000 }, adopted).Ok);
        Assert.False(FingerprintVerifier.Verify(IsolationMode.ForRuntime("kata-qemu"), Runc, adopted).Ok);

        var (kept, why) = EngineHostBoot.Adopt(Reference, "runc", Runc with { KernelVersion = "5.10.0" }, null);
        Assert.Null(kept.BootTimeUnixSeconds);
        Assert.Contains("unknown", why, StringComparison.Ordinal);
        Assert.Null(EngineHostBoot.Adopt(Reference, "runc", null, "exited 1").Reference.BootTimeUnixSeconds);
    }

    [Fact]
    public void Workloads_that_measure_the_engine_host_from_here_are_refused_for_a_remote_engine_and_the_rest_are_not()
    {
        var runc = IsolationMode.ForRuntime("runc");
        var remote = new Workloads.SupportFacts("linux", "linux") { Root = true, RemoteEngine = "tcp://10.0.0.5:2376" };

        foreach (var workload in new[] { "density", "network-host", "startup-runtime" })
        {
            var why = IsolationBench.Workloads.WorkloadModules.Registry.Unsupported(["startup", workload], [runc], remote);
            Assert.NotNull(why);
            Assert.Contains($"'{workload}'", why, StringComparison.Ordinal);
            Assert.Contains("tcp://10.0.0.5:2376", why, StringComparison.Ordinal);
        }

        Assert.Null(IsolationBench.Workloads.WorkloadModules.Registry.Unsupported(["startup", "syscall", "io", "cpu", "memory", "network"], [runc], remote));
    }
}
