using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Harness.Guest;

/// <summary>
/// Refuses, before anything runs, a guest workload that has no benchmark on an OS this run would start the guest
/// on: the host's OS for the host mode, the engine's for containers. Reads the guest's per-OS table
/// (<see cref="GuestWorkloads"/>), so a category added for one OS only is refused on the other without code here.
/// </summary>
public static class GuestSupport
{
    /// <summary>"linux", "windows", or the OS's own description elsewhere (where the guest has nothing to run).</summary>
    public static string HostOs =>
        OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsLinux() ? "linux" : System.Runtime.InteropServices.RuntimeInformation.OSDescription;

    /// <exception cref="UsageException">A guest workload has nothing to run on the host's or the engine's OS.</exception>
    public static void EnsureRunnable(IEnumerable<string> workloads, IReadOnlyList<IsolationMode> modes, string hostOs, string? engineOs)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        ArgumentNullException.ThrowIfNull(modes);
        ArgumentNullException.ThrowIfNull(hostOs);
        var targets = new List<(string Os, string Where)>();
        if (modes.Any(m => m.Kind == ModeKind.Host))
        {
            targets.Add((hostOs, "the host OS, for mode host"));
        }

        if (engineOs is not null && modes.Any(m => m.Kind == ModeKind.Container))
        {
            targets.Add((engineOs.ToLowerInvariant(), "the engine's OS"));
        }

        foreach (var workload in workloads.Where(w => GuestWorkloads.Categories.Contains(w, StringComparer.Ordinal)))
        {
            foreach (var (os, where) in targets.Where(t => !GuestWorkloads.Runs(workload, t.Os)))
            {
                var elsewhere = string.Join(", ", GuestWorkloads.ByOs.Where(p => p.Value.Contains(workload, StringComparer.Ordinal)).Select(p => p.Key));
                throw new UsageException(
                    $"workload '{workload}' has no benchmark on {os} ({where}): leave it out of --workloads"
                    + (elsewhere.Length > 0 ? $" (it runs on {elsewhere})" : string.Empty));
            }
        }
    }
}
