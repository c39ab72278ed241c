using IsolationBench.Fingerprint;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Verification;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>Fingerprint verification as it runs on a Windows host: the recorded host fingerprint is the reference.</summary>
public sealed class WindowsVerificationTests
{
    public static TheoryData<string> Hosts => [.. RecordedWindowsHost.WithNanoserverImage, RecordedWindowsHost.Windows11Of23H2];

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Process_and_hyperv_fingerprints_verify_against_their_host(string name)
    {
        var host = RecordedWindowsHost.Load(name);
        var self = Parse(host, "host");

        Assert.True(FingerprintVerifier.Verify(IsolationMode.Host, self, self).Ok);
        var process = FingerprintVerifier.Verify(IsolationMode.ForWindowsIsolation("process"), Parse(host, "process"), self);
        Assert.True(process.Ok, process.Reason);
        var hyperv = FingerprintVerifier.Verify(IsolationMode.ForWindowsIsolation("hyperv"), Parse(host, "hyperv"), self);
        Assert.True(hyperv.Ok, hyperv.Reason);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void A_hyperv_request_that_ran_with_process_isolation_is_caught(string name)
    {
        var host = RecordedWindowsHost.Load(name);
        var verdict = FingerprintVerifier.Verify(IsolationMode.ForWindowsIsolation("hyperv"), Parse(host, "process"), Parse(host, "host"));

        Assert.False(verdict.Ok);
        Assert.Contains("process isolation", verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void A_process_request_that_ran_in_a_vm_is_caught(string name)
    {
        var host = RecordedWindowsHost.Load(name);
        var verdict = FingerprintVerifier.Verify(IsolationMode.ForWindowsIsolation("process"), Parse(host, "hyperv"), Parse(host, "host"));

        Assert.False(verdict.Ok);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void The_recorded_image_is_older_than_the_patched_host(string name)
    {
        // The realistic case the verifier must survive: same kernel build and boot, different UBR.
        var host = RecordedWindowsHost.Load(name);
        var self = Parse(host, "host");
        var process = Parse(host, "process");

        Assert.NotEqual(self.KernelVersion, process.KernelVersion);
        Assert.Equal(WindowsKernelRule.KernelBuild(self.KernelVersion), WindowsKernelRule.KernelBuild(process.KernelVersion));
    }

    [Fact]
    public void A_patched_server_2022_host_with_an_older_image_passes_process_verification()
    {
        var host = RecordedWindowsHost.Load(RecordedWindowsHost.Server2022);
        var self = Parse(host, "host") with { KernelVersion = "10.0.20348.2849" };
        var container = Parse(host, "process") with { KernelVersion = "10.0.20348.2113" };

        var verdict = FingerprintVerifier.Verify(IsolationMode.ForWindowsIsolation("process"), container, self);

        Assert.True(verdict.Ok, verdict.Reason);
    }

    [Fact]
    public void Another_windows_build_on_the_host_boot_time_is_not_the_host_kernel()
    {
        var host = RecordedWindowsHost.Load(RecordedWindowsHost.Server2022);
        var self = Parse(host, "host");
        var container = Parse(host, "process") with { KernelVersion = "10.0.17763.2113" };

        Assert.False(FingerprintVerifier.Verify(IsolationMode.ForWindowsIsolation("process"), container, self).Ok);
    }

    [Theory]
    [InlineData("10.0.20348.2227", "10.0.20348")]
    [InlineData("10.0.20348", "10.0.20348")]
    [InlineData("10.0", null)]
    [InlineData("6.1.0-18-amd64", null)]
    public void The_kernel_build_is_major_minor_build(string kernel, string? build) =>
        Assert.Equal(build, WindowsKernelRule.KernelBuild(kernel));

    private static IsolationFingerprint Parse(RecordedWindowsHost host, string kind) => FingerprintJson.Parse(host.FingerprintLine(kind));
}
