using IsolationBench.Harness;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Workloads.Guest;

/// <summary>
/// Refuses, before anything runs, a guest workload that has no benchmark on an OS this run would start the guest
/// on: the host's OS for the host mode, the engine's for containers. Reads the guest's per-OS table
/// (<see cref="GuestWorkloads"/>), so a category added for one OS only is refused on the other without code here.
/// </summary>
public static class GuestSupport
{
    /// <summary>"linux", "windows", or the OS's own description elsewhere (where the guest has nothing to run).</summary>
    public static string HostOs => IsolationBench.Harness.Run.RunPreparation.HostOs;

    /// <exception cref="UsageException">A guest workload has nothing to run on the host's or the engine's OS.</exception>
    public static void EnsureRunnable(IEnumerable<string> workloads, IReadOnlyList<IsolationMode> modes, string hostOs, string? engineOs)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        ArgumentNullException.ThrowIfNull(modes);
        ArgumentNullException.ThrowIfNull(hostOs);
        foreach (var workload in workloads)
        {
            foreach (var mode in modes)
            {
                if (Reason(workload, mode, hostOs, engineOs) is { } reason)
                {
                    throw new UsageException(reason);
                }
            }
        }
    }

    /// <summary>
    /// Why <paramref name="workload"/> cannot run in <paramref name="mode"/> (a one-line usage message), or null when
    /// it can or is no guest category. The guest starts on the host's OS for mode host, on the engine's for containers.
    /// </summary>
    public static string? Reason(string workload, IsolationMode mode, string hostOs, string? engineOs)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(hostOs);
        if (!GuestWorkloads.Categories.Contains(workload, StringComparer.Ordinal))
        {
            return null;
        }

        var (os, where) = mode.Kind == ModeKind.Host ? (hostOs, "the host OS, for mode host") : (engineOs?.ToLowerInvariant(), "the engine's OS");
        if (os is null || GuestWorkloads.Runs(workload, os))
        {
            return null;
        }

        var elsewhere = string.Join(", ", GuestWorkloads.ByOs.Where(p => p.Value.Contains(workload, StringComparer.Ordinal)).Select(p => p.Key));
        return $"workload '{workload}' has no benchmark on {os} ({where}): leave it out of --workloads"
            + (elsewhere.Length > 0 ? $" (it runs on {elsewhere})" : string.Empty);
    }
}
