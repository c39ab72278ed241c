namespace IsolationBench.Harness.Modes;

public enum ModeKind
{
    /// <summary>The workload as a plain host process: the baseline every ratio divides by.</summary>
    Host,

    /// <summary>A container on the engine, with a runtime (Linux) or an isolation (Windows).</summary>
    Container,
}

/// <summary>
/// An isolation mode as data: its name and what it sets on the engine. Windows: HostConfig.Isolation;
/// Linux: HostConfig.Runtime; host: nothing (no engine).
/// </summary>
public sealed record IsolationMode(string Name, ModeKind Kind, string? Runtime, string? Isolation, KernelBoundary Boundary)
{
    public static readonly IsolationMode Host = new("host", ModeKind.Host, null, null, KernelBoundary.None);

    /// <summary>Sandboxes (gVisor, Kata, Hyper-V) start slower, some by seconds: they get a generous deadline.</summary>
    public TimeSpan ContainerTimeout => Boundary is KernelBoundary.UserSpaceKernel or KernelBoundary.VirtualMachine
        ? TimeSpan.FromSeconds(120)
        : TimeSpan.FromSeconds(30);

    public static IsolationMode ForRuntime(string runtime) => new(runtime, ModeKind.Container, runtime, null, BoundaryOfRuntime(runtime));

    public static IsolationMode ForWindowsIsolation(string isolation) => new(
        isolation,
        ModeKind.Container,
        null,
        isolation,
        isolation == "hyperv" ? KernelBoundary.VirtualMachine : KernelBoundary.SharedKernel);

    private static KernelBoundary BoundaryOfRuntime(string runtime) =>
        runtime.StartsWith("runsc", StringComparison.Ordinal) ? KernelBoundary.UserSpaceKernel
        : runtime.StartsWith("kata", StringComparison.Ordinal) || runtime.Contains("firecracker", StringComparison.Ordinal) ? KernelBoundary.VirtualMachine
        : KernelBoundary.SharedKernel;
}

/// <summary>Which kernel the workload meets: what verification checks the fingerprint against.</summary>
public enum KernelBoundary
{
    /// <summary>No cage: the host itself.</summary>
    None,

    /// <summary>A container on the host's own kernel (runc, crun, Windows process isolation).</summary>
    SharedKernel,

    /// <summary>A user-space kernel serves the syscalls (gVisor runsc).</summary>
    UserSpaceKernel,

    /// <summary>The container has its own kernel in a VM (Hyper-V isolation, Kata).</summary>
    VirtualMachine,
}
