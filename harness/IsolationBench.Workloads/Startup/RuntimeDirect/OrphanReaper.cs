using IsolationBench.Harness;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace IsolationBench.Workloads.Startup.RuntimeDirect;

/// <summary>
/// Stands in for the engine's shim as the subreaper of a runtime's orphans. An OCI runtime's `create` exits and
/// leaves the container's processes (runc's init, runsc's sandbox and gofer) to the nearest subreaper: the shim on
/// the engine path, pid 1 here. runsc's `delete` waits until its sandbox is reaped, so a pid 1 that reaps slowly
/// (seen in a firecracker VM: ~1.7 s per delete, ~35 ms with a subreaper) lands in the remove phase and voids the
/// engine-vs-runtime split. While a lifecycle is open (<see cref="Open"/>) this process is the subreaper; a
/// SIGCHLD makes it reap the orphans it adopted, as the shim does.
/// </summary>
/// <remarks>
/// .NET reaps only the children it started (System.Diagnostics.Process), so those are registered
/// (<see cref="Start"/>) and never touched here; any other child seen while a lifecycle is open was adopted.
/// Cells run one at a time, so while a lifecycle is open the only processes this harness starts are its runtime
/// commands. Orphans still alive when a lifecycle closes stay adopted and are reaped when they end.
/// </remarks>
public sealed partial class OrphanReaper : IDisposable
{
    private const int PrSetChildSubreaper = 36;
    private const int WNoHang = 1;

    private readonly Lock _gate = new();
    private readonly HashSet<int> _started = [];
    private readonly HashSet<int> _adopted = [];
    private readonly PosixSignalRegistration? _sigchld;
    private readonly int _self = Environment.ProcessId;
    private bool _open;

    private OrphanReaper(bool active)
    {
        if (active && OperatingSystem.IsLinux())
        {
            _sigchld = PosixSignalRegistration.Create(PosixSignal.SIGCHLD, _ => Reap());
        }
    }

    /// <summary>Linux: a reaper; elsewhere (no subreapers) one that only starts processes.</summary>
    public static OrphanReaper Create() => new(OperatingSystem.IsLinux());

    /// <summary>How many adopted orphans were reaped (for tests and the closing check).</summary>
    public int Reaped { get; private set; }

    /// <summary>Makes this process the subreaper until the scope is disposed; reaps what was adopted when it closes.</summary>
    public IDisposable Open()
    {
        if (_sigchld is null)
        {
            return new Scope(null);
        }

        lock (_gate)
        {
            _open = SetSubreaper(true);
        }

        return new Scope(this);
    }

    /// <summary>Starts <paramref name="process"/> as one of ours: .NET reaps it, this never does.</summary>
    public void Start(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        lock (_gate)
        {
            // Under the gate: a SIGCHLD between the fork and the registration must not take it for an orphan.
            process.Start();
            _started.Add(process.Id);
        }
    }

    /// <summary>After .NET has seen <paramref name="pid"/> exit: the pid may be reused by an orphan.</summary>
    public void Forget(int pid)
    {
        lock (_gate)
        {
            _started.Remove(pid);
        }
    }

    public void Dispose()
    {
        Reap();
        _sigchld?.Dispose();
    }

    /// <summary>Adopts this process's children that it did not start (only while a lifecycle is open), then reaps the adopted that ended.</summary>
    private void Reap()
    {
        if (_sigchld is null)
        {
            return; // Not Linux: nothing adopted, and no /proc to read.
        }

        lock (_gate)
        {
            foreach (var (pid, zombie) in Children(_self))
            {
                if (_open && !_started.Contains(pid))
                {
                    _adopted.Add(pid);
                }

                if (zombie && _adopted.Contains(pid) && WaitPid(pid, out _, WNoHang) == pid)
                {
                    _adopted.Remove(pid);
                    Reaped++;
                }
            }
        }
    }

    private void Close()
    {
        Reap();
        lock (_gate)
        {
            if (_open)
            {
                SetSubreaper(false);
                _open = false;
            }
        }
    }

    private static bool SetSubreaper(bool on) => Prctl(PrSetChildSubreaper, on ? 1u : 0u, 0, 0, 0) == 0;

    /// <summary>
    /// The children of <paramref name="parent"/> and whether each has ended (state Z in /proc/PID/stat). Its threads'
    /// children files name them (a few small reads, while a SIGCHLD is being handled next to a measurement); without
    /// them (a kernel built without CONFIG_PROC_CHILDREN) every process's stat is read.
    /// </summary>
    internal static IEnumerable<(int Pid, bool Zombie)> Children(int parent)
    {
        var candidates = ChildrenFiles(parent) ?? Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).OfType<string>();
        foreach (var name in candidates)
        {
            if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText("/proc/" + name + "/stat");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // Gone meanwhile.
            }

            if (ParseStat(stat) is { } parsed && parsed.ParentPid == parent)
            {
                yield return (pid, parsed.State == 'Z');
            }
        }
    }

    /// <summary>The pids in /proc/PID/task/*/children; null when the kernel has no such files.</summary>
    private static List<string>? ChildrenFiles(int parent)
    {
        var tasks = "/proc/" + parent.ToString(CultureInfo.InvariantCulture) + "/task";
        try
        {
            var pids = new List<string>();
            foreach (var task in Directory.EnumerateDirectories(tasks))
            {
                var file = Path.Combine(task, "children");
                if (!File.Exists(file))
                {
                    return null;
                }

                try
                {
                    pids.AddRange(File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                }
                catch (IOException)
                {
                    // The thread ended meanwhile.
                }
            }

            return pids;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>"PID (COMM) STATE PPID …": COMM may hold spaces and parentheses, so the fields after the last ')' are read.</summary>
    internal static (char State, int ParentPid)? ParseStat(string stat)
    {
        ArgumentNullException.ThrowIfNull(stat);
        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 2 && fields[0].Length == 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ppid)
            ? (fields[0][0], ppid)
            : null;
    }

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    private static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    private static partial int WaitPid(int pid, out int status, int options);

    private sealed class Scope(OrphanReaper? owner) : IDisposable
    {
        public void Dispose() => owner?.Close();
    }
}
