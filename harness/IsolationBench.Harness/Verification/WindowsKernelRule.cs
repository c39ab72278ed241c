using IsolationBench.Fingerprint;

namespace IsolationBench.Harness.Verification;

/// <summary>
/// When two Windows fingerprints show the same kernel. A process-isolated container runs on the host's kernel,
/// but the UBR (the fourth part of "10.0.20348.2227") is read from the registry the process sees, which in a
/// container is the image's: the image's patch level, not the host's. Since Windows Server 2019 host and image
/// revisions need not match, and the image is reused while the host takes monthly updates, so the UBR is
/// information only; major.minor.build (with the boot time, compared by the caller) identifies the kernel.
/// </summary>
public static class WindowsKernelRule
{
    public static bool Applies(IsolationFingerprint seen, IsolationFingerprint host)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(host);
        return IsWindows(seen) && IsWindows(host);
    }

    /// <summary>Same major.minor.build; the UBR may differ.</summary>
    public static bool SameKernelBuild(IsolationFingerprint seen, IsolationFingerprint host)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(host);
        return KernelBuild(seen.KernelVersion) is { } a && KernelBuild(host.KernelVersion) is { } b && string.Equals(a, b, StringComparison.Ordinal);
    }

    /// <summary>"10.0.20348.2227" → "10.0.20348"; null when there are fewer than three parts.</summary>
    public static string? KernelBuild(string kernelVersion)
    {
        var parts = (kernelVersion ?? string.Empty).Split('.');
        return parts.Length >= 3 && parts.Take(3).All(p => p.Length > 0 && p.All(char.IsAsciiDigit)) ? string.Join('.', parts.Take(3)) : null;
    }

    private static bool IsWindows(IsolationFingerprint f) => string.Equals(f.Os, "windows", StringComparison.OrdinalIgnoreCase);
}
