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
        var exact = WindowsBuilds.NanoserverTag(build);
        if (exact is not null)
        {
            return exact;
        }

        var known = string.Join(", ", WindowsBuilds.KnownBuilds.Select(b => b.ToString(CultureInfo.InvariantCulture)));
        if (modes.Any(m => m.Isolation == "process"))
        {
            var hyperv = WindowsBuilds.NewestRunnableTag(build);
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"process isolation needs a nanoserver image of this host's build {build}, and there is none (known: {known}){(hyperv is null ? string.Empty : $": use --modes host,hyperv (runs {hyperv} in a utility VM)")}"));
        }

        return WindowsBuilds.NewestRunnableTag(build)
            ?? throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"Windows build {build} is older than every supported nanoserver image ({known})"));
    }
}
