using IsolationBench.Harness.Modes;
using static IsolationBench.Harness.Verification.KernelIdentity;

namespace IsolationBench.Harness.Verification;

/// <summary>
/// The kernel the workload met is the one its mode promises: the host's (host, runc, crun, process), gVisor's
/// (runsc), or a VM's own — decided by a boot time of its own, never by a kernel string that merely differs.
/// </summary>
public sealed class KernelBoundaryRule : IFingerprintRule
{
    public Verdict? Check(VerificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (mode, seen, host, _) = input;
        var sameKernel = SameKernel(seen, host);
        var isolated = Isolated(seen, host);
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
            KernelBoundary.SharedKernel when EngineHostReference.BootUnknown(host) =>
                Verdict.Pass($"container on the engine host's kernel release {seen.KernelVersion} ({Evidence(seen)}; a remote engine gives no boot time, so the release alone was compared)"),
            KernelBoundary.SharedKernel => Verdict.Pass($"container on the host kernel {seen.KernelVersion} ({Evidence(seen)})"),

            KernelBoundary.UserSpaceKernel when !seen.IsGVisor =>
                Verdict.Fail($"{mode.Name}: expected gVisor's kernel but the container saw kernel {seen.KernelVersion}{(sameKernel ? " — the host's own" : OwnBoot(seen, host) ? ", booted on its own: a VM, not gVisor" : string.Empty)}"),
            KernelBoundary.UserSpaceKernel => Verdict.Pass($"gVisor user-space kernel {seen.KernelVersion} ({string.Join("; ", seen.GVisorEvidence)})"),

            KernelBoundary.VirtualMachine when seen.IsGVisor =>
                Verdict.Fail($"{mode.Name}: expected its own kernel in a VM but the container saw gVisor's user-space kernel ({string.Join("; ", seen.GVisorEvidence)})"),
            KernelBoundary.VirtualMachine when EngineHostReference.BootUnknown(host) && !OwnBoot(seen, host) =>
                Verdict.Fail($"{mode.Name}: expected its own kernel (a VM) but saw the engine host's release {seen.KernelVersion}, and a remote engine gives no boot time to tell a VM of the same release from the host's kernel: run isobench on the engine's host"),
            KernelBoundary.VirtualMachine when seen.BootTimeUnixSeconds is null && !EngineHostReference.BootUnknown(host) =>
                Verdict.Fail($"{mode.Name}: no boot time to compare (seen {seen.BootTimeUnixSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}): a VM cannot be told from the host's kernel"),
            KernelBoundary.VirtualMachine when !OwnBoot(seen, host) =>
                Verdict.Fail($"{mode.Name}: expected its own kernel (a VM) but the container shares the host's boot time ({seen.BootTimeUnixSeconds}, kernel {seen.KernelVersion}): it ran with process isolation"),
            KernelBoundary.VirtualMachine when !isolated =>
                Verdict.Fail($"{mode.Name}: expected a VM-isolated container but the workload saw no container boundary"),
            KernelBoundary.VirtualMachine when EngineHostReference.BootUnknown(host) =>
                Verdict.Pass($"own kernel {seen.KernelVersion}, another release than the engine host's {host.KernelVersion}"),
            KernelBoundary.VirtualMachine => Verdict.Pass($"own kernel {seen.KernelVersion}, booted at {seen.BootTimeUnixSeconds} (host {host.BootTimeUnixSeconds})"),
            _ => Verdict.Fail($"{mode.Name}: kernel boundary {mode.Boundary} was never decided"),
        };
    }
}
