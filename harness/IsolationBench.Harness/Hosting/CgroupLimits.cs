using System.Diagnostics;
using System.Globalization;

namespace IsolationBench.Harness.Hosting;

/// <summary>
/// A cgroup the harness creates for one run's host processes and removes at its end:
/// v1 — cpuset and memory hierarchies, /sys/fs/cgroup/{cpuset,memory}/isolationbench/&lt;run&gt;/;
/// v2 — /sys/fs/cgroup/isolationbench/&lt;run&gt;/ with the cpuset and memory controllers.
/// Same cpuset ("0-(N-1)") and memory limit as the containers get from the engine.
/// </summary>
public sealed class CgroupLimits : IHostLimits
{
    public const string DefaultRoot = "/sys/fs/cgroup";
    public const string Parent = "isolationbench";

    private static readonly Lock StartGate = new();

    private readonly IReadOnlyList<string> _directories;

    private readonly string _root;

    private CgroupLimits(string root, CgroupVersion version, IReadOnlyList<string> directories, string description)
    {
        _root = root;
        Version = version;
        _directories = directories;
        Description = description;
    }

    public CgroupVersion Version { get; }

    public string Description { get; }

    /// <summary>The run's cgroup folders (v1: cpuset then memory; v2: one).</summary>
    public IReadOnlyList<string> Directories => _directories;

    /// <summary>Which cgroup layout <paramref name="root"/> has; null when it is not a cgroup file system.</summary>
    public static CgroupVersion? Detect(string root) =>
        File.Exists(Path.Combine(root, "cgroup.controllers")) ? CgroupVersion.V2
        : Directory.Exists(Path.Combine(root, "cpuset")) && Directory.Exists(Path.Combine(root, "memory")) ? CgroupVersion.V1
        : null;

    /// <exception cref="UsageException">The cgroup cannot be made (not root, read-only, no controllers).</exception>
    public static CgroupLimits Create(string root, string runId, Resources.ResourceRequest resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var version = Detect(root) ?? throw Refused($"no cgroup file system at {root}");
        try
        {
            return version == CgroupVersion.V1 ? CreateV1(root, runId, resources) : CreateV2(root, runId, resources);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Refused($"{ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
        }
    }

    private static UsageException Refused(string why) => new(
        $"cannot give the host baseline the same CPU and memory limits as the containers ({why}): run isobench as root (it creates a cgroup under {DefaultRoot}), or leave host out of --modes");

    private static CgroupLimits CreateV1(string root, string runId, Resources.ResourceRequest resources)
    {
        var cpusetParent = Path.Combine(root, "cpuset", Parent);
        var cpuset = Path.Combine(cpusetParent, OwnedName(runId));
        var memory = Path.Combine(root, "memory", Parent, OwnedName(runId));
        SweepEmpty(cpusetParent);
        SweepEmpty(Path.Combine(root, "memory", Parent));

        // A new v1 cpuset starts with no CPUs and no memory nodes: each level inherits its parent's explicitly.
        var mems = Read(Path.Combine(root, "cpuset", "cpuset.mems"));
        Directory.CreateDirectory(cpuset);
        Write(Path.Combine(cpusetParent, "cpuset.cpus"), Read(Path.Combine(root, "cpuset", "cpuset.cpus")));
        Write(Path.Combine(cpusetParent, "cpuset.mems"), mems);
        Write(Path.Combine(cpuset, "cpuset.cpus"), resources.CpusetList);
        Write(Path.Combine(cpuset, "cpuset.mems"), mems);
        Directory.CreateDirectory(memory);
        Write(Path.Combine(memory, "memory.limit_in_bytes"), resources.MemoryBytes.ToString(CultureInfo.InvariantCulture));
        return new CgroupLimits(root, CgroupVersion.V1, [cpuset, memory], $"cgroup v1 {cpuset} (cpuset {resources.CpusetList}) and {memory} (memory.limit_in_bytes {resources.MemoryBytes})");
    }

    private static CgroupLimits CreateV2(string root, string runId, Resources.ResourceRequest resources)
    {
        var parent = Path.Combine(root, Parent);
        var group = Path.Combine(parent, OwnedName(runId));
        SweepEmpty(parent);
        Directory.CreateDirectory(group);
        Write(Path.Combine(root, "cgroup.subtree_control"), "+cpuset +memory");
        Write(Path.Combine(parent, "cgroup.subtree_control"), "+cpuset +memory");
        Write(Path.Combine(group, "cpuset.cpus"), resources.CpusetList);
        Write(Path.Combine(group, "memory.max"), resources.MemoryBytes.ToString(CultureInfo.InvariantCulture));
        return new CgroupLimits(root, CgroupVersion.V2, [group], $"cgroup v2 {group} (cpuset.cpus {resources.CpusetList}, memory.max {resources.MemoryBytes}); host processes join it through /bin/sh before exec");
    }

    public SpawnTimes Start(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (Version == CgroupVersion.V2)
        {
            // A v2 domain cgroup admits whole processes only: a shell joins it, then execs the workload, so the
            // workload's first instruction already runs inside (at the cost of one sh start in the start phase).
            Wrap(process.StartInfo, Path.Combine(_directories[0], "cgroup.procs"));
            return SpawnTimes.Around(process);
        }

        // v1: this thread joins the run's cgroups just for the fork — the child inherits the forking thread's
        // cgroups — and leaves right after, so the harness itself stays unlimited and the workload pays nothing.
        lock (StartGate)
        {
            var tid = CurrentThreadId();
            var home = CurrentCgroups().ToList();
            try
            {
                foreach (var directory in _directories)
                {
                    Write(Path.Combine(directory, "tasks"), tid);
                }

                return SpawnTimes.Around(process);
            }
            finally
            {
                foreach (var (controller, path) in home)
                {
                    TryWrite(Path.Combine(_root, controller, path.TrimStart('/'), "tasks"), tid);
                }
            }
        }
    }

    /// <summary>The v2 start: <c>/bin/sh -c 'echo $$ &gt; "$0" &amp;&amp; exec "$@"' PROCS FILE ARGS…</c>.</summary>
    public static void Wrap(ProcessStartInfo info, string procsFile)
    {
        ArgumentNullException.ThrowIfNull(info);
        var arguments = info.ArgumentList.ToList();
        var file = info.FileName;
        info.FileName = "/bin/sh";
        info.ArgumentList.Clear();
        foreach (var a in (string[])["-c", "echo $$ > \"$0\" && exec \"$@\"", procsFile, file, .. arguments])
        {
            info.ArgumentList.Add(a);
        }
    }

    public void Dispose()
    {
        // rmdir of a cgroup works once its processes are gone (every host process has exited by now).
        foreach (var directory in _directories)
        {
            try
            {
                Directory.Delete(directory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Still busy: the next run's sweep removes it.
            }
        }
    }

    /// <summary>
    /// "PID-RUNID": the owning harness's pid is part of the name, so a sweep can tell a dead run's cgroup from a live
    /// one's that merely has no process in it between two host cells (concurrent runs, parallel test assemblies).
    /// </summary>
    public static string OwnedName(string runId) => string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{runId}");

    /// <summary>Whether a cgroup named by <see cref="OwnedName"/> belongs to a harness that is still alive.</summary>
    public static bool OwnerAlive(string name, Func<int, bool> processAlive)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(processAlive);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(name.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && processAlive(pid);
    }

    /// <summary>Cgroups of earlier runs that died before removing theirs (a cgroup with processes refuses rmdir).</summary>
    private static void SweepEmpty(string parent)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (var child in Directory.EnumerateDirectories(parent))
        {
            if (OwnerAlive(Path.GetFileName(child), pid => Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture))))
            {
                continue;
            }

            try
            {
                Directory.Delete(child);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // In use by a live run.
            }
        }
    }

    private static string CurrentThreadId()
    {
        // /proc/thread-self → "PID/task/TID".
        var target = new FileInfo("/proc/thread-self").LinkTarget ?? throw new IOException("/proc/thread-self is not a link");
        return target[(target.LastIndexOf('/') + 1)..];
    }

    /// <summary>The calling thread's v1 cgroups for cpuset and memory: ("cpuset", "/"), ("memory", "/user.slice")…</summary>
    private static IEnumerable<(string Controller, string Path)> CurrentCgroups()
    {
        foreach (var line in File.ReadAllLines("/proc/thread-self/cgroup"))
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3)
            {
                continue;
            }

            foreach (var controller in parts[1].Split(','))
            {
                if (controller is "cpuset" or "memory")
                {
                    yield return (controller, parts[2]);
                }
            }
        }
    }

    private static string Read(string path) => File.ReadAllText(path).Trim();

    private static void Write(string path, string value) => File.WriteAllText(path, value);

    private static void TryWrite(string path, string value)
    {
        try
        {
            File.WriteAllText(path, value);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The thread stays in the run's cgroup: harmless for the harness (a cpuset as wide as asked).
        }
    }
}

public enum CgroupVersion
{
    V1,
    V2,
}
