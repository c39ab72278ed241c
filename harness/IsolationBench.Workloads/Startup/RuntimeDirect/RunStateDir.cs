using IsolationBench.Harness;
using System.Globalization;
using IsolationBench.Harness.Hosting;

namespace IsolationBench.Workloads.Startup.RuntimeDirect;

/// <summary>
/// Where one run keeps its bundle and each runtime's state (<c>--root</c>): BASE/PID-RUNID/{bundle,runc,crun,runsc}.
/// Named by the owning harness's pid like the run's cgroups (<see cref="CgroupLimits.OwnedName"/>), so a later run
/// can tell a dead run's leftovers from a live run's and sweep them.
/// </summary>
public sealed class RunStateDir
{
    private RunStateDir(string path) => Path = path;

    /// <summary>/run (a tmpfs, cleared at boot) when it is there, as the runtimes' own default roots are.</summary>
    public static string DefaultBase => Directory.Exists("/run") ? "/run/isobench-runtime-direct" : System.IO.Path.Combine(System.IO.Path.GetTempPath(), "isobench-runtime-direct");

    public string Path { get; }

    public string Bundle => System.IO.Path.Combine(Path, "bundle");

    public static RunStateDir Create(string baseDir, string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseDir);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var dir = new RunStateDir(System.IO.Path.Combine(baseDir, CgroupLimits.OwnedName(runId)));
        Directory.CreateDirectory(dir.Path);
        return dir;
    }

    /// <summary>The state root a runtime gets for this run (its own, so list/delete see only our containers).</summary>
    public string RootFor(string runtime)
    {
        ArgumentException.ThrowIfNullOrEmpty(runtime);
        return System.IO.Path.Combine(Path, "state-" + runtime);
    }

    /// <summary>Runtimes whose state roots exist under a run dir (what a sweep must ask to delete containers).</summary>
    public static IReadOnlyList<string> RuntimesIn(string runDir) =>
        Directory.Exists(runDir)
            ? [.. Directory.EnumerateDirectories(runDir, "state-*").Select(d => System.IO.Path.GetFileName(d)["state-".Length..]).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Run dirs under <paramref name="baseDir"/> whose owner is gone: the sweep's targets. Live owners' dirs are never listed.</summary>
    public static IReadOnlyList<string> Abandoned(string baseDir, Func<int, bool> processAlive)
    {
        ArgumentNullException.ThrowIfNull(processAlive);
        return Directory.Exists(baseDir)
            ? [.. Directory.EnumerateDirectories(baseDir).Where(d => !CgroupLimits.OwnerAlive(System.IO.Path.GetFileName(d), processAlive)).Order(StringComparer.Ordinal)]
            : [];
    }

    public static bool ProcessAlive(int pid) => Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture));
}
