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

    /// <summary>Starts the process inside the limits (it must be inside before its first instruction, or as close as the OS allows).</summary>
    void Start(Process process);
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
