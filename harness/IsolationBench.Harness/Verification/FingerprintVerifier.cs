using IsolationBench.Fingerprint;
using IsolationBench.Harness.Modes;

namespace IsolationBench.Harness.Verification;

/// <summary>
/// Checks that what a workload saw from inside matches the isolation mode that was asked for, relative to the
/// host's own fingerprint (taken by the harness itself: a host may already be a VM or even a container).
/// </summary>
public static class FingerprintVerifier
{
    // Boot time is derived from uptime and rounded to seconds on both sides: allow a little drift.
    private const long BootTimeToleranceSeconds = 3;

    public static Verdict Verify(IsolationMode mode, IsolationFingerprint? seen, IsolationFingerprint host)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(host);
        if (seen is null)
        {
            return Verdict.Fail($"{mode.Name}: the workload printed no fingerprint");
        }

        var sameKernel = (WindowsKernelRule.Applies(seen, host) ? WindowsKernelRule.SameKernelBuild(seen, host) : seen.KernelVersion == host.KernelVersion)
            && SameBoot(seen, host);
        var isolated = seen.Hostname != host.Hostname || !seen.ContainerEvidence.SequenceEqual(host.ContainerEvidence);
        return mode.Boundary switch
        {
            KernelBoundary.None when isolated =>
                Verdict.Fail($"host: the baseline ran inside a container ({Evidence(seen)}), not as a plain host process"),
            KernelBoundary.None when !sameKernel =>
                Verdict.Fail($"host: the baseline saw kernel {seen.KernelVersion}, not the host's {host.KernelVersion}"),
            KernelBoundary.None => Verdict.Pass("plain host process on the host kernel"),

            KernelBoundary.SharedKernel when seen.IsGVisor =>
                Verdict.Fail($"{mode.Name}: expected the host's kernel but the container saw gVisor ({string.Join("; ", seen.GVisorEvidence)})"),
            KernelBoundary.SharedKernel when !isolated =>
                Verdict.Fail($"{mode.Name}: expected a container but the workload saw no container boundary (same hostname and evidence as the host)"),
            KernelBoundary.SharedKernel when !sameKernel =>
                Verdict.Fail($"{mode.Name}: expected the host's kernel {host.KernelVersion} but saw {seen.KernelVersion} (booted {seen.BootTimeUnixSeconds}, host {host.BootTimeUnixSeconds}): is this a VM-isolated container?"),
            KernelBoundary.SharedKernel => Verdict.Pass($"container on the host kernel {seen.KernelVersion} ({Evidence(seen)})"),

            KernelBoundary.UserSpaceKernel when !seen.IsGVisor =>
                Verdict.Fail($"{mode.Name}: expected gVisor's kernel but the container saw kernel {seen.KernelVersion}{(sameKernel ? " — the host's own" : string.Empty)}"),
            KernelBoundary.UserSpaceKernel => Verdict.Pass($"gVisor user-space kernel {seen.KernelVersion} ({string.Join("; ", seen.GVisorEvidence)})"),

            KernelBoundary.VirtualMachine when sameKernel =>
                Verdict.Fail($"{mode.Name}: expected its own kernel (a VM) but the container shares the host's kernel {seen.KernelVersion} and boot time: it ran with process isolation"),
            KernelBoundary.VirtualMachine when !isolated =>
                Verdict.Fail($"{mode.Name}: expected a VM-isolated container but the workload saw no container boundary"),
            KernelBoundary.VirtualMachine => Verdict.Pass($"own kernel {seen.KernelVersion}, booted at {seen.BootTimeUnixSeconds} (host {host.BootTimeUnixSeconds})"),
            _ => Verdict.Fail($"{mode.Name}: unknown kernel boundary {mode.Boundary}"),
        };
    }

    private static bool SameBoot(IsolationFingerprint a, IsolationFingerprint b) =>
        a.BootTimeUnixSeconds is { } x && b.BootTimeUnixSeconds is { } y && Math.Abs(x - y) <= BootTimeToleranceSeconds;

    private static string Evidence(IsolationFingerprint f) =>
        f.ContainerEvidence.Count == 0 ? "no container evidence" : string.Join(", ", f.ContainerEvidence);
}

public sealed record Verdict(bool Ok, string Reason)
{
    public static Verdict Pass(string reason) => new(true, reason);

    public static Verdict Fail(string reason) => new(false, reason);
}
