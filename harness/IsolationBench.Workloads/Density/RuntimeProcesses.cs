using IsolationBench.Harness;
namespace IsolationBench.Workloads.Density;

/// <summary>One process of the host as /proc shows it: its parent and command line (NUL-separated arguments joined by spaces).</summary>
public sealed record HostProcess(int Pid, int ParentPid, string CommandLine);

/// <summary>
/// Which host processes belong to a set of containers, the runtime's own included: every process in the containers'
/// cgroups, each container's shim (containerd-shim… -id ID), and every descendant of a shim — the shim is the
/// subreaper of what the runtime forks, so gVisor's sentry and gofer end up under it although they run outside the
/// container's cgroup.
/// </summary>
public static class RuntimeProcesses
{
    public static IReadOnlySet<int> Belonging(IReadOnlyList<HostProcess> processes, IEnumerable<int> cgroupPids, IReadOnlyCollection<string> containerIds)
    {
        ArgumentNullException.ThrowIfNull(processes);
        ArgumentNullException.ThrowIfNull(cgroupPids);
        ArgumentNullException.ThrowIfNull(containerIds);
        var belonging = new HashSet<int>(cgroupPids);
        var shims = processes.Where(p => IsShimOf(p.CommandLine, containerIds)).Select(p => p.Pid).ToList();
        var children = processes.ToLookup(p => p.ParentPid, p => p.Pid);
        var visited = new HashSet<int>();
        var queue = new Queue<int>(shims);
        while (queue.TryDequeue(out var pid))
        {
            if (!visited.Add(pid))
            {
                continue;
            }

            belonging.Add(pid);
            foreach (var child in children[pid])
            {
                queue.Enqueue(child);
            }
        }

        return belonging;
    }

    private static bool IsShimOf(string commandLine, IReadOnlyCollection<string> containerIds)
    {
        if (!commandLine.Contains("containerd-shim", StringComparison.Ordinal))
        {
            return false;
        }

        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var id = Array.IndexOf(args, "-id");
        return id >= 0 && id + 1 < args.Length && containerIds.Contains(args[id + 1]);
    }
}
