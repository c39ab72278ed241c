using IsolationBench.Harness;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results;

namespace IsolationBench.Workloads.Startup.RuntimeDirect;

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

    /// <summary>
    /// The workload's <see cref="HarnessWorkload.Supports"/>: a container mode whose runtime the engine registered with
    /// a binary (runc, crun, runsc), on a Linux engine, as root on Linux. The host mode has no runtime to run; a
    /// Windows engine has no OCI runtime binary; a runtime registered only as a containerd shim type (Kata) has none either.
    /// </summary>
    public static string? ForMode(IsolationMode mode, SupportFacts facts)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(facts);
        const string workload = $"workload '{StartupWorkloads.RuntimeDirect}'";
        if (mode.Kind == ModeKind.Host)
        {
            return $"{workload} runs each container mode's OCI runtime without the engine, and mode {mode.Name} has none: leave {mode.Name} out of --modes (startup measures it)";
        }

        if (mode.IsVariant)
        {
            // The bundle is not the engine's spec (it runs without any seccomp profile already): a knob has nothing to change here.
            return $"{workload} runs the OCI runtime without the engine, where variant {mode.Name}'s knob means nothing: leave {mode.Name} out of --modes, or {StartupWorkloads.RuntimeDirect} out of --workloads";
        }

        if (mode.Runtime is null || facts.EngineOs is null)
        {
            return $"{workload} needs a Linux engine's OCI runtime, and mode {mode.Name} runs on {facts.EngineOs ?? "no engine"}: leave {StartupWorkloads.RuntimeDirect} out of --workloads";
        }

        if (Refusal(facts.HostOs == "linux", facts.Root, facts.EngineOs) is { } refusal)
        {
            return $"{workload}: {refusal}; or leave {StartupWorkloads.RuntimeDirect} out of --workloads";
        }

        return facts.Runtimes?.TryGetValue(mode.Runtime, out var registration) == true && RuntimeCommand.From(mode.Runtime, registration, "/") is null
            ? $"{workload}: runtime {mode.Runtime} is registered as containerd shim type {registration.Type}, with no binary to run without the engine: leave {mode.Name} out of --modes"
            : null;
    }
}
