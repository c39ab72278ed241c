using IsolationBench.Fingerprint;

namespace IsolationBench.Fingerprint.Tests;

/// <summary>The Windows fingerprint's judgements, fed with what a host and a container would see.</summary>
public sealed class WindowsFingerprintTests
{
    [Fact]
    public void A_host_process_that_sees_containers_cexecsvc_in_other_sessions_has_no_evidence()
    {
        // A leftover process-isolated container: its CExecSvc is visible from the host, in the container's session.
        var evidence = WindowsFingerprint.Evidence(containerType: null, "runneradmin", cexecSvcSessions: [3, 4], ownSession: 1);

        Assert.Empty(evidence);
    }

    [Fact]
    public void Inside_a_container_the_process_own_evidence_is_reported()
    {
        var evidence = WindowsFingerprint.Evidence(containerType: 2, "ContainerUser", cexecSvcSessions: [3], ownSession: 3);

        Assert.Equal(["registry:ContainerType=2", "user:ContainerUser", "process:CExecSvc"], evidence);
    }

    [Theory]
    [InlineData(unchecked((int)0x8000_0000), true)]
    [InlineData(unchecked((int)0xFEDA_3203), true)]
    [InlineData(0x7EDA_3203, false)]
    [InlineData(0, false)]
    public void The_hypervisor_flag_is_cpuid_leaf_1_ecx_bit_31(int ecx, bool present) =>
        Assert.Equal(present, WindowsFingerprint.HypervisorBit(ecx));

    [Fact]
    public void Outside_a_container_there_is_no_container_type_whatever_the_cpu_says()
    {
        Assert.Null(WindowsFingerprint.ContainerTypeFrom(containerTypeValue: null, hypervisorBit: false));
        Assert.Null(WindowsFingerprint.ContainerTypeFrom(containerTypeValue: null, hypervisorBit: true));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void In_a_container_with_no_hypervisor_under_its_kernel_it_is_process_isolation(int value) =>
        Assert.Equal("process", WindowsFingerprint.ContainerTypeFrom(value, hypervisorBit: false));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void In_a_container_on_a_hypervisor_the_process_cannot_tell_and_says_unknown(int value) =>
        // A utility VM and Hyper-V's root partition both set the bit; the registry number is undocumented.
        Assert.Equal("unknown", WindowsFingerprint.ContainerTypeFrom(value, hypervisorBit: true));
}
