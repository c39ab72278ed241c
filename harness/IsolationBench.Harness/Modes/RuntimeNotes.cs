using IsolationBench.Fingerprint;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Modes;

/// <summary>
/// The manifest's notes about the runtimes, from facts only: how the engine registered each sandbox (its binary
/// and arguments), the gVisor platform those arguments choose, and whether the host itself is a VM.
/// </summary>
public static class RuntimeNotes
{
    public static IReadOnlyList<string> For(IReadOnlyList<IsolationMode> modes, EngineFacts? facts, IsolationFingerprint host)
    {
        ArgumentNullException.ThrowIfNull(modes);
        ArgumentNullException.ThrowIfNull(host);
        var notes = new List<string>();
        foreach (var mode in modes.Where(m => m.Runtime is not null && m.MayBeSandbox))
        {
            if (facts?.RuntimeRegistrations.TryGetValue(mode.Runtime!, out var registration) != true)
            {
                continue;
            }

            var note = $"{mode.Name}: registered with the engine as {registration!.Describe()}";
            if (mode.Boundary == KernelBoundary.UserSpaceKernel)
            {
                note += Platform(registration.Arguments) is { } platform
                    ? $"; gVisor platform {platform} (its --platform argument)"
                    : "; no --platform argument: gVisor's built-in default platform";
            }

            notes.Add(note + ".");
        }

        if (host.HypervisorPresent && modes.Any(m => m.MayBeSandbox && m.Kind == ModeKind.Container))
        {
            notes.Add("the host itself runs in a VM (the CPU's hypervisor flag is set): sandbox figures include nested-virtualisation costs.");
        }

        return notes;
    }

    /// <summary>"--platform=ptrace" or "--platform ptrace" → "ptrace".</summary>
    public static string? Platform(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        for (var i = 0; i < arguments.Count; i++)
        {
            var a = arguments[i];
            if (a.StartsWith("--platform=", StringComparison.Ordinal))
            {
                return a["--platform=".Length..];
            }

            if (a == "--platform" && i + 1 < arguments.Count)
            {
                return arguments[i + 1];
            }
        }

        return null;
    }
}
