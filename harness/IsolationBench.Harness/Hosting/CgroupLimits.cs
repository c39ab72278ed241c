using System.Collections.Concurrent;
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

    private readonly IReadOnlyList<string> _directories;

    /// <summary>v1: spawns run on one thread that lives in the run's cgroups (children inherit the forking thread's).</summary>
    private readonly Spawner? _spawner;

    private CgroupLimits(CgroupVersion version, IReadOnlyList<string> directories, string description)
    {
        Version = version;
        _directories = directories;
        Description = description;
        _spawner = version == CgroupVersion.V1 ? new Spawner(directories) : null;
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
        return new CgroupLimits(CgroupVersion.V1, [cpuset, memory], $"cgroup v1 {cpuset} (cpuset {resources.CpusetList}) and {memory} (memory.limit_in_bytes {resources.MemoryBytes})");
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
        return new CgroupLimits(CgroupVersion.V2, [group], $"cgroup v2 {group} (cpuset.cpus {resources.CpusetList}, memory.max {resources.MemoryBytes}); host processes join it through /bin/sh before exec");
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

        // v1: a dedicated thread joined the run's cgroups once and forks every host process — the child inherits the
        // forking thread's cgroups — so the harness's other threads stay unlimited and no spawn pays for a cgroup
        // migration (joining and leaving per spawn cost ~12 ms here, inside the host's timed start).
        return _spawner!.Spawn(process);
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
        // The spawner thread is a task of the cgroups: it ends first. rmdir of a cgroup works once its processes are
        // gone (every host process has exited by now).
        _spawner?.Dispose();
        foreach (var directory in _directories)
        {
            RemoveWhenEmpty(directory);
        }
    }

    /// <summary>
    /// rmdir, retried briefly: the kernel detaches an exited task from its cgroup a moment after its parent has
    /// reaped it (and after a joined thread's pthread_join returned), so an immediate rmdir can see EBUSY.
    /// </summary>
    private static void RemoveWhenEmpty(string directory)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                Directory.Delete(directory);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (attempt >= 40)
                {
                    // Still busy after 2 s (a process outlived the run): the next run's sweep removes it.
                    return;
                }

                Thread.Sleep(50);
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

    private static string Read(string path) => File.ReadAllText(path).Trim();

    private static void Write(string path, string value) => File.WriteAllText(path, value);
}

/// <summary>One thread inside the run's v1 cgroups that starts host processes on request.</summary>
internal sealed class Spawner : IDisposable
{
    private readonly BlockingCollection<(Process Process, TaskCompletionSource<SpawnTimes> Done)> _requests = new();
    private readonly Thread _thread;

    /// <exception cref="IOException">The thread could not join the cgroups (the caller turns it into a one-line refusal).</exception>
    public Spawner(IReadOnlyList<string> directories)
    {
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _thread = new Thread(() => Run(directories, joined)) { IsBackground = true, Name = "isobench host spawner" };
        _thread.Start();
        joined.Task.GetAwaiter().GetResult();
    }

    public SpawnTimes Spawn(Process process)
    {
        var done = new TaskCompletionSource<SpawnTimes>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Add((process, done));
        return done.Task.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _requests.CompleteAdding();
        _thread.Join();
        _requests.Dispose();
    }

    private void Run(IReadOnlyList<string> directories, TaskCompletionSource joined)
    {
        string tid;
        IReadOnlyList<string> origins;
        try
        {
            // /proc/thread-self → "PID/task/TID"; writing a TID to a v1 "tasks" file moves just this thread.
            var target = new FileInfo("/proc/thread-self").LinkTarget ?? throw new IOException("/proc/thread-self is not a link");
            tid = target[(target.LastIndexOf('/') + 1)..];
            origins = Origins(directories, File.ReadAllLines("/proc/thread-self/cgroup"));
            foreach (var directory in directories)
            {
                File.WriteAllText(Path.Combine(directory, "tasks"), tid);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            joined.SetException(ex);
            return;
        }

        joined.SetResult();
        foreach (var (process, done) in _requests.GetConsumingEnumerable())
        {
            try
            {
                done.SetResult(SpawnTimes.Around(process));
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        }

        // Leave before ending: the move is synchronous, whereas an exiting thread leaves its cgroups only after
        // pthread_join has returned, which made the run's rmdir race with the kernel.
        foreach (var origin in origins)
        {
            try
            {
                File.WriteAllText(Path.Combine(origin, "tasks"), tid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The removal retries, then leaves it to the next run's sweep.
            }
        }
    }

    /// <summary>
    /// The cgroup each of <paramref name="directories"/>' hierarchies had the thread in before it joined, from
    /// /proc/thread-self/cgroup ("4:memory:/process_api/…"); the hierarchy's root when the line is missing.
    /// </summary>
    internal static IReadOnlyList<string> Origins(IReadOnlyList<string> directories, IReadOnlyList<string> procCgroupLines)
    {
        return directories.Select(directory =>
        {
            // …/<controller>/isolationbench/<run> → the hierarchy is …/<controller>.
            var hierarchy = Path.GetDirectoryName(Path.GetDirectoryName(directory))!;
            var controller = Path.GetFileName(hierarchy);
            var line = procCgroupLines.Select(l => l.Split(':', 3)).FirstOrDefault(p => p.Length == 3 && p[1].Split(',').Contains(controller, StringComparer.Ordinal));
            return line is null ? hierarchy : Path.Combine(hierarchy, line[2].TrimStart('/'));
        }).ToList();
    }
}

public enum CgroupVersion
{
    V1,
    V2,
}
