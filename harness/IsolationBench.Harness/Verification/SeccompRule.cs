using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Harness.Verification;

/// <summary>
/// An unconfined variant (runc+unconfined) really ran without a seccomp filter, seen from inside: /proc/self/status
/// Seccomp 0 where its parent shows 2 (the engine's default profile). Inside gVisor the field is the sentry's answer,
/// not the host's filter: there an unknown value is "not visible". Every other container is not judged here, its
/// seccomp mode kept in the fingerprint for the reader.
/// </summary>
public sealed class SeccompRule : IFingerprintRule
{
    public Verdict? Check(VerificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (mode, seen, _, expectations) = input;
        if (!expectations.LockedDown || mode.Knob != ModeVariants.Unconfined || seen.Os != "linux")
        {
            return null;
        }

        return seen.SeccompMode switch
        {
            0 => Verdict.Pass("seccomp unconfined (Seccomp 0)"),
            null when seen.IsGVisor => Verdict.Pass("seccomp unconfined asked (Seccomp not visible inside gVisor)"),
            null => Verdict.Fail($"{mode.Name}: asked seccomp unconfined, but the workload could not read its seccomp mode"),
            { } m => Verdict.Fail($"{mode.Name}: asked seccomp unconfined, but the workload runs under a seccomp filter (Seccomp {m})"),
        };
    }
}
