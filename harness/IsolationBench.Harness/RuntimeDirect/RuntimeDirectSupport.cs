namespace IsolationBench.Harness.RuntimeDirect;

/// <summary>Whether runtime-direct startup can run here: null, or the one-line reason it cannot.</summary>
public static class RuntimeDirectSupport
{
    public static string? Refusal(bool isLinux, bool isRoot, string engineOsType) =>
        !isLinux ? "runtime-direct startup is Linux only: Windows has no OCI runtime binary to run without the engine; use the startup workload"
        : !string.Equals(engineOsType, "linux", StringComparison.OrdinalIgnoreCase) ? $"runtime-direct startup needs a Linux engine (this one is {engineOsType}) to export the probe image"
        : !isRoot ? "runtime-direct startup runs OCI runtimes directly, which needs root: run as root (sudo)"
        : null;

    public static string? RefusalHere(string engineOsType) =>
        Refusal(OperatingSystem.IsLinux(), Environment.IsPrivilegedProcess, engineOsType);
}
