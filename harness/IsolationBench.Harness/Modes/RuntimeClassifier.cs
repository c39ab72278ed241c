using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Modes;

/// <summary>
/// Which kernel boundary a Linux runtime gives, from what the engine says it is (the registered binary or the
/// containerd runtime type), never from the name it was registered under: gVisor registered as "gvisor" is
/// still gVisor, and "runsc" pointing at runc is runc. A runtime this does not know is <see cref="KernelBoundary.Unclassified"/>:
/// its first fingerprint decides, and every later one is held to that.
/// </summary>
public static class RuntimeClassifier
{
    public static (KernelBoundary Boundary, string Evidence) Classify(RuntimeRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var binary = Path.GetFileName(registration.Path.TrimEnd('/'));
        var type = registration.Type;
        if (binary.Length > 0)
        {
            var fromBinary = OfBinary(binary);
            if (fromBinary is { } b)
            {
                return (b, "engine /info: binary " + registration.Path);
            }
        }

        if (type.Length > 0 && OfShim(type) is { } t)
        {
            return (t, "engine /info: runtime type " + type);
        }

        return (KernelBoundary.Unclassified, "engine /info: " + registration.Describe() + " is not a runtime IsolationBench knows; classified from its first fingerprint");
    }

    private static KernelBoundary? OfBinary(string binary) =>
        binary.StartsWith("runsc", StringComparison.Ordinal) ? KernelBoundary.UserSpaceKernel
        : binary.Contains("kata", StringComparison.Ordinal) || binary.Contains("firecracker", StringComparison.Ordinal) || binary.StartsWith("runv", StringComparison.Ordinal)
            ? KernelBoundary.VirtualMachine
        : binary is "runc" or "crun" or "youki" or "docker-runc" ? KernelBoundary.SharedKernel
        : null;

    /// <summary>containerd shims: io.containerd.runsc.v1, io.containerd.kata.v2, io.containerd.runc.v2 …</summary>
    private static KernelBoundary? OfShim(string type) =>
        type.Contains(".runsc.", StringComparison.Ordinal) ? KernelBoundary.UserSpaceKernel
        : type.Contains(".kata", StringComparison.Ordinal) || type.Contains("firecracker", StringComparison.Ordinal) ? KernelBoundary.VirtualMachine
        : type.Contains(".runc.", StringComparison.Ordinal) || type.Contains(".crun.", StringComparison.Ordinal) ? KernelBoundary.SharedKernel
        : null;
}
