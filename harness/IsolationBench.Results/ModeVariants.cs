namespace IsolationBench.Results;

/// <summary>
/// A variant is a container mode with ONE security knob changed, named <c>parent+knob</c> (<c>runc+unconfined</c>).
/// It runs beside its parent so the report can say what that knob costs; it is less isolated than its parent and is
/// never a baseline nor a recommendation. The one list of knobs for the harness (parsing, container spec) and the
/// reports (attribution, labels), so that old runs are read without the harness's code.
/// </summary>
public static class ModeVariants
{
    public const char Separator = '+';

    public const string Unconfined = "unconfined";
    public const string NoMemoryLimit = "nomemlimit";
    public const string NoCpuLimit = "nocpulimit";

    /// <summary>Every knob, in the order the report lists them.</summary>
    public static readonly IReadOnlyList<string> Knobs = [Unconfined, NoMemoryLimit, NoCpuLimit];

    /// <summary>What the knob turns off, for the manifest, the report and error messages.</summary>
    public static string Describe(string knob) => knob switch
    {
        Unconfined => "seccomp unconfined (the engine's default syscall filter off; AppArmor/SELinux unconfined where the engine applies one)",
        NoMemoryLimit => "no memory limit (no cgroup memory limit: --memory is not applied)",
        NoCpuLimit => "no CPU limit (no cpuset, CPU quota or NanoCPUs: --cpus is not applied)",
        _ => "unknown knob " + knob,
    };

    /// <summary>The manifest's and report's words for what a variant is.</summary>
    public static string LessIsolatedNote(string parent, string knob) =>
        $"less isolated than {parent}: {Describe(knob)}; a diagnostic of where {parent}'s overhead comes from, never a recommendation";

    /// <summary>A mode as a chart's legend shows it: its name, and for a variant that it is less isolated than its parent.</summary>
    public static string Label(string mode, RunManifest? manifest = null) =>
        Of(mode, manifest) is { } v ? $"{mode} (variant: less isolated than {v.Parent})" : mode;

    /// <summary>"runc+unconfined" → ("runc", "unconfined"); null when the name is not parent+knob with a known knob.</summary>
    public static (string Parent, string Knob)? Parse(string mode)
    {
        ArgumentNullException.ThrowIfNull(mode);
        var at = mode.LastIndexOf(Separator);
        if (at <= 0 || at == mode.Length - 1)
        {
            return null;
        }

        var knob = mode[(at + 1)..];
        return Knobs.Contains(knob, StringComparer.Ordinal) ? (mode[..at], knob) : null;
    }

    /// <summary>Whether a mode of a run is a variant: the manifest's word when it lists the mode, else its name.</summary>
    public static bool IsVariant(string mode, RunManifest? manifest = null) => Of(mode, manifest) is not null;

    /// <summary>The parent and knob of a variant: the manifest's record when it lists the mode, else parsed from its name.</summary>
    public static (string Parent, string Knob)? Of(string mode, RunManifest? manifest)
    {
        ArgumentNullException.ThrowIfNull(mode);
        if (manifest?.Modes.FirstOrDefault(m => m.Name == mode) is { } described)
        {
            return described.Parent is { } parent && described.Knob is { } knob ? (parent, knob) : null;
        }

        return Parse(mode);
    }
}
