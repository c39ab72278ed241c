using System.Globalization;
using IsolationBench.Harness;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Modes;

namespace IsolationBench.Cli.CommandLine;

/// <summary>
/// Valid values and defaults that help and shell completion show, read from the catalogs and defaults the commands
/// themselves use, so help cannot drift from what is accepted.
/// </summary>
internal static class Choices
{
    /// <summary>What `isobench run` does without options (RunOptions' own initial values).</summary>
    public static readonly RunOptions RunDefaults = new();

    public static IReadOnlyList<string> Workloads => IsolationBench.Workloads.WorkloadModules.Registry.Names;

    public static IReadOnlyList<string> DefaultWorkloads => IsolationBench.Workloads.WorkloadModules.Registry.Defaults;

    public static IReadOnlyList<string> Profiles => RunOptions.Profiles;

    /// <summary>
    /// The modes isobench knows by name: those of a Linux host without an engine (host and the well-known runtimes) and of a
    /// Windows engine (process, hyperv). Which of them this host offers is doctor's answer: any runtime the engine lists is a mode too.
    /// </summary>
    public static IReadOnlyList<string> KnownModes { get; } = Known();

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A byte count as --memory takes it: 2g, 512m or bytes.</summary>
    public static string Memory(long bytes) =>
        bytes % (1L << 30) == 0 ? Number((int)(bytes >> 30)) + "g"
        : bytes % (1L << 20) == 0 ? Number((int)(bytes >> 20)) + "m"
        : bytes.ToString(CultureInfo.InvariantCulture);

    private static List<string> Known()
    {
        var linux = ModeCatalog.From(null);
        var windows = ModeCatalog.From(new EngineFacts { Version = "-", ApiVersion = "-", OsType = "windows", OperatingSystem = "-", KernelVersion = "-", Runtimes = [] });
        return [.. linux.Available.Select(m => m.Name).Concat(linux.Unavailable.Keys).Concat(windows.Available.Select(m => m.Name)).Distinct(StringComparer.Ordinal)];
    }
}
