using System.Diagnostics;

namespace IsolationBench.Harness.Hosting;

/// <summary>
/// Gives a host process the run's CPU and memory limits — what the engine gives every container — so that the
/// baseline is limited like the modes it is compared with. Linux: a cgroup; Windows: a Job Object.
/// </summary>
public interface IHostLimits : IDisposable
{
    /// <summary>One line for the manifest: what was applied and how.</summary>
    string Description { get; }

    /// <summary>
    /// Starts the process inside the limits (it must be inside before its first instruction, or as close as the OS
    /// allows) and returns the clock just around the spawn itself: joining and leaving a cgroup cost the harness's
    /// thread ~12 ms here (cgroup v1), which is the limits' bookkeeping, not the workload's start.
    /// </summary>
    SpawnTimes Start(Process process);
}

/// <summary>Stopwatch timestamps just before and just after the process was spawned.</summary>
public readonly record struct SpawnTimes(long Before, long After)
{
    public static SpawnTimes Around(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var before = Stopwatch.GetTimestamp();
        process.Start();
        return new SpawnTimes(before, Stopwatch.GetTimestamp());
    }
}

/// <summary>Chooses the platform's way of limiting host processes, or says in one line why it cannot.</summary>
public static class HostLimits
{
    /// <exception cref="UsageException">The limits cannot be applied here (not root, no cgroup file system…).</exception>
    public static IHostLimits Create(string runId, Resources.ResourceRequest resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        if (OperatingSystem.IsWindows())
        {
            return new JobObjectLimits(runId, resources);
        }

        return CgroupLimits.Create(CgroupLimits.DefaultRoot, runId, resources);
    }
}
