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

    /// <summary>Why <see cref="Boundary"/> is what it is: the engine's registration of the runtime, or the Windows isolation.</summary>
    public string ClassifiedBy { get; init; } = string.Empty;

    /// <summary>Sandboxes (gVisor, Kata, Hyper-V) and runtimes not yet classified may start slower, some by seconds.</summary>
    public bool MayBeSandbox => Boundary is KernelBoundary.UserSpaceKernel or KernelBoundary.VirtualMachine or KernelBoundary.Unclassified;

    /// <summary>Sandboxes start slower, some by seconds: they get a generous deadline.</summary>
    public TimeSpan ContainerTimeout => MayBeSandbox ? TimeSpan.FromSeconds(120) : TimeSpan.FromSeconds(30);

    /// <summary>A runtime known only by its name: classified as if its binary had that name (Docker registers runc as "runc").</summary>
    public static IsolationMode ForRuntime(string runtime) => ForRuntime(runtime, new Engine.RuntimeRegistration(runtime, [], string.Empty));

    /// <summary>A runtime as the engine registered it: what it is comes from its binary or containerd type, not its name.</summary>
    public static IsolationMode ForRuntime(string runtime, Engine.RuntimeRegistration registration)
    {
        var (boundary, evidence) = RuntimeClassifier.Classify(registration);
        return new IsolationMode(runtime, ModeKind.Container, runtime, null, boundary) { ClassifiedBy = evidence };
    }

    public static IsolationMode ForWindowsIsolation(string isolation) => new(
        isolation,
        ModeKind.Container,
        null,
        isolation,
        isolation == "hyperv" ? KernelBoundary.VirtualMachine : KernelBoundary.SharedKernel) { ClassifiedBy = "Windows isolation " + isolation };

    /// <summary>A variant's parent mode (runc for runc+unconfined); null for a real mode.</summary>
    public string? Parent { get; init; }

    /// <summary>A variant's one changed knob (<see cref="IsolationBench.Results.ModeVariants.Knobs"/>); null for a real mode.</summary>
    public string? Knob { get; init; }

    public bool IsVariant => Knob is not null;

    /// <summary>
    /// This container mode with one knob changed, named parent+knob: same runtime, same kernel boundary (the
    /// verification holds it to its parent's isolation), everything else identical; the engine adapter applies the knob.
    /// </summary>
    public IsolationMode WithKnob(string knob)
    {
        ArgumentNullException.ThrowIfNull(knob);
        if (Kind != ModeKind.Container || IsVariant)
        {
            throw new InvalidOperationException($"{Name}: only a real container mode takes a knob");
        }

        return this with { Name = Name + IsolationBench.Results.ModeVariants.Separator + knob, Parent = Name, Knob = knob };
    }

    /// <summary>This mode held to what its first fingerprint showed (for a runtime the engine's /info did not tell).</summary>
    public IsolationMode ClassifiedAs(KernelBoundary boundary, string evidence) => this with { Boundary = boundary, ClassifiedBy = evidence };
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

    /// <summary>A runtime the engine's /info does not identify: its first fingerprint decides.</summary>
    Unclassified,
}
