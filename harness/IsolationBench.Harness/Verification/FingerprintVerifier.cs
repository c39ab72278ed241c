using IsolationBench.Fingerprint;
using IsolationBench.Harness.Modes;

namespace IsolationBench.Harness.Verification;

/// <summary>
/// Checks that what a workload saw from inside matches the isolation mode that was asked for, relative to the
/// host's own fingerprint (taken by the harness itself: a host may already be a VM or even a container). Each
/// rule is one small class; the first that fails decides the verdict, and a pass lists what every rule confirmed.
/// </summary>
public static class FingerprintVerifier
{
    /// <summary>The rules every fingerprint meets, in order. A platform's own rules are added here.</summary>
    public static readonly IReadOnlyList<IFingerprintRule> Rules = [new KernelBoundaryRule(), new ResourceRule(), new LockDownRule(), new SeccompRule()];

    /// <summary>The kernel boundary alone (no resource or lock-down expectations).</summary>
    public static Verdict Verify(IsolationMode mode, IsolationFingerprint? seen, IsolationFingerprint host) =>
        Verify(mode, seen, host, Expectations.BoundaryOnly);

    public static Verdict Verify(IsolationMode mode, IsolationFingerprint? seen, IsolationFingerprint host, Expectations expectations)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(expectations);
        if (seen is null)
        {
            return Verdict.Fail($"{mode.Name}: the workload printed no fingerprint");
        }

        var input = new VerificationInput(mode, seen, host, expectations);
        var confirmed = new List<string>();
        foreach (var rule in Rules)
        {
            var result = rule.Check(input);
            if (result is null)
            {
                continue;
            }

            if (!result.Ok)
            {
                return Verdict.Fail(result.Reason);
            }

            confirmed.Add(result.Reason);
        }

        return Verdict.Pass(string.Join("; ", confirmed));
    }

    /// <summary>What the first fingerprint of a runtime /info did not identify shows it to be.</summary>
    public static (KernelBoundary Boundary, string Evidence) Classify(IsolationFingerprint seen, IsolationFingerprint host)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(host);
        return seen.IsGVisor ? (KernelBoundary.UserSpaceKernel, "first fingerprint: gVisor (" + string.Join("; ", seen.GVisorEvidence) + ")")
            : KernelIdentity.OwnBoot(seen, host) ? (KernelBoundary.VirtualMachine, $"first fingerprint: its own kernel {seen.KernelVersion}, booted at {seen.BootTimeUnixSeconds} (host {host.BootTimeUnixSeconds})")
            : (KernelBoundary.SharedKernel, $"first fingerprint: the host's kernel {seen.KernelVersion} and boot time");
    }
}

/// <summary>What a mode's fingerprints are held to beyond its kernel boundary.</summary>
/// <param name="Resources">CPUs and memory the workload must see from inside; null = not checked.</param>
/// <param name="LockedDown">Containers must show no capabilities, no-new-privileges and the pids limit.</param>
public sealed record Expectations(Resources.ResourceRequest? Resources, bool LockedDown)
{
    public static readonly Expectations BoundaryOnly = new(null, false);
}

public sealed record VerificationInput(IsolationMode Mode, IsolationFingerprint Seen, IsolationFingerprint Host, Expectations Expectations);

/// <summary>One check of a fingerprint. Null when it does not apply; else a pass or a failure with its reason.</summary>
public interface IFingerprintRule
{
    Verdict? Check(VerificationInput input);
}

public sealed record Verdict(bool Ok, string Reason)
{
    public static Verdict Pass(string reason) => new(true, reason);

    public static Verdict Fail(string reason) => new(false, reason);
}
