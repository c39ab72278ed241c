using IsolationBench.Fingerprint;

namespace IsolationBench.Harness.Verification;

/// <summary>
/// Whether two fingerprints saw the same kernel: the same release and the same boot. Against a reference without a
/// boot time (a remote engine's host, <see cref="EngineHostReference"/>) the release alone decides, and another
/// release is a kernel of its own.
/// </summary>
public static class KernelIdentity
{
    // Boot time is derived from uptime and rounded to seconds on both sides: allow a little drift.
    public const long BootTimeToleranceSeconds = 3;

    public static bool SameKernel(IsolationFingerprint seen, IsolationFingerprint host)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(host);
        return SameBuild(seen, host) && (EngineHostReference.BootUnknown(host) || SameBoot(seen, host));
    }

    /// <summary>The same kernel release (Linux) or major.minor.build (Windows), whatever the boot.</summary>
    public static bool SameBuild(IsolationFingerprint seen, IsolationFingerprint host)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(host);
        return WindowsKernelRule.Applies(seen, host) ? WindowsKernelRule.SameKernelBuild(seen, host) : seen.KernelVersion == host.KernelVersion;
    }

    public static bool SameBoot(IsolationFingerprint a, IsolationFingerprint b) =>
        a.BootTimeUnixSeconds is { } x && b.BootTimeUnixSeconds is { } y && Math.Abs(x - y) <= BootTimeToleranceSeconds;

    /// <summary>
    /// A kernel booted at another time than the host's — what a VM shows. An unknown boot time of the container is
    /// not "own"; against a reference without one, only a kernel of another release is.
    /// </summary>
    public static bool OwnBoot(IsolationFingerprint seen, IsolationFingerprint host) =>
        EngineHostReference.BootUnknown(host)
            ? !SameBuild(seen, host)
            : seen.BootTimeUnixSeconds is { } x && host.BootTimeUnixSeconds is { } y && Math.Abs(x - y) > BootTimeToleranceSeconds;

    /// <summary>A container boundary: another hostname or other container evidence than the host's own.</summary>
    public static bool Isolated(IsolationFingerprint seen, IsolationFingerprint host) =>
        seen.Hostname != host.Hostname || !seen.ContainerEvidence.SequenceEqual(host.ContainerEvidence);

    public static string Evidence(IsolationFingerprint f) =>
        f.ContainerEvidence.Count == 0 ? "no container evidence" : string.Join(", ", f.ContainerEvidence);
}
