namespace IsolationBench.Harness.Hosting;

/// <summary>
/// The environment a host process starts with: what a container of the guest image gets (its PATH, invariant
/// globalization, a home), not the operator's shell — a DOTNET_* or COMPlus_* variable there would change the
/// runtime's behaviour for the baseline only. Windows keeps the few variables the OS itself needs to start a process.
/// </summary>
public static class MinimalEnvironment
{
    private static readonly string[] LinuxKept = ["PATH", "HOME"];

    private static readonly string[] WindowsKept =
        ["PATH", "PATHEXT", "SystemRoot", "windir", "SystemDrive", "ComSpec", "TEMP", "TMP", "USERPROFILE", "ProgramData", "ProgramFiles"];

    /// <summary>The variables set in the guest images (workloads/images/Dockerfile.guest.*).</summary>
    public static readonly IReadOnlyDictionary<string, string> FromImage = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1",
    };

    public static IReadOnlyDictionary<string, string> For(IReadOnlyDictionary<string, string?> current, bool windows)
    {
        ArgumentNullException.ThrowIfNull(current);
        var comparer = windows ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var kept = windows ? WindowsKept : LinuxKept;
        var result = new Dictionary<string, string>(comparer);
        foreach (var (name, value) in current)
        {
            if (value is not null && kept.Contains(name, comparer))
            {
                result[name] = value;
            }
        }

        foreach (var (name, value) in FromImage)
        {
            result[name] = value;
        }

        return result;
    }

    /// <summary>Replaces <paramref name="environment"/>'s contents with the minimal set.</summary>
    public static void Apply(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var minimal = For(new Dictionary<string, string?>(environment), OperatingSystem.IsWindows());
        environment.Clear();
        foreach (var (name, value) in minimal)
        {
            environment[name] = value;
        }
    }
}
