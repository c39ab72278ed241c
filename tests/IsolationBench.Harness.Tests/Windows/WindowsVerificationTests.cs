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

    private static IsolationFingerprint Parse(RecordedWindowsHost host, string kind) => FingerprintJson.Parse(host.FingerprintLine(kind));
}
