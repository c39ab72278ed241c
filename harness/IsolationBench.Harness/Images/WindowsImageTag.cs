using System.Globalization;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Modes;

namespace IsolationBench.Harness.Images;

/// <summary>Chooses the nanoserver tag for a Windows host, and refuses process isolation that cannot work.</summary>
public static class WindowsImageTag
{
    public static string Choose(EngineFacts facts, IReadOnlyList<IsolationMode> modes)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(modes);
        var build = facts.WindowsBuild
            ?? throw new UsageException($"cannot read the Windows build from the engine's kernel version '{facts.KernelVersion}'");
        var processTag = WindowsBuilds.ProcessIsolatedTag(build);
        var hypervTag = WindowsBuilds.NewestRunnableTag(build);
        if (modes.Any(m => m.Isolation == "process"))
        {
            // One image serves every mode, so with process isolation in the run it is the process-isolated one.
            return processTag ?? throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"process isolation on Windows build {build} is not in Microsoft's compatibility table (host builds {string.Join(", ", WindowsBuilds.ProcessIsolationBuilds.Select(b => b.ToString(CultureInfo.InvariantCulture)))}; {WindowsBuilds.CompatibilitySource}){(hypervTag is null ? string.Empty : $": use --modes host,hyperv (runs {hypervTag} in a utility VM)")}"));
        }

        return processTag ?? hypervTag
            ?? throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"Windows build {build} is older than every supported nanoserver image ({string.Join(", ", WindowsBuilds.Images.Select(i => $"{i.Tag} = {i.Build}"))})"));
    }
}
