using IsolationBench.Harness;
using System.Globalization;

namespace IsolationBench.Workloads.Density;

/// <summary>What the held probes cost the host, read from /proc and the cgroup file system (Linux).</summary>
/// <param name="PssBytes">The sum of PSS over every process that belongs to them, the runtime's own included.</param>
/// <param name="Processes">How many processes that sum covers.</param>
/// <param name="CgroupBytes">The sum of their cgroups' charge (what `docker stats` shows); null for host processes.</param>
/// <param name="KernelBytes">The same processes' page tables and kernel stacks (<see cref="FootprintArithmetic.KernelBytes"/>): no PSS counts them.</param>
public sealed record HostFootprint(long PssBytes, int Processes, long? CgroupBytes, long KernelBytes = 0)
{
    private const string CgroupRoot = "/sys/fs/cgroup";

    public static HostFootprint Read(IReadOnlyList<IHeldProbe> probes)
    {
        ArgumentNullException.ThrowIfNull(probes);
        var ids = probes.Select(p => p.ContainerId).OfType<string>().ToList();
        IReadOnlySet<int> pids;
        long? charge = null;
        if (ids.Count == 0)
        {
            pids = probes.Select(p => p.ProcessId).OfType<int>().ToHashSet();
        }
        else
        {
            var cgroups = ids.Select(CgroupOf).OfType<string>().ToList();
            charge = cgroups.Count == ids.Count ? cgroups.Sum(c => FootprintArithmetic.CgroupBytes(File.ReadAllText(Path.Combine(c, ChargeFile)))) : null;
            pids = RuntimeProcesses.Belonging(HostProcesses(), cgroups.SelectMany(CgroupPids), ids);
        }

        var pss = 0L;
        var kernel = 0L;
        var counted = 0;
        foreach (var pid in pids)
        {
            try
            {
                var proc = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/";
                var processPss = FootprintArithmetic.PssBytes(File.ReadAllText(proc + "smaps_rollup"));
                var processKernel = FootprintArithmetic.KernelBytes(File.ReadAllText(proc + "status"));
                (pss, kernel) = (pss + processPss, kernel + processKernel);
                counted++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // Gone between the listing and the read (a runtime helper that exited).
            }
        }

        return new HostFootprint(pss, counted, charge, kernel);
    }

    private static bool V2 => File.Exists(Path.Combine(CgroupRoot, "cgroup.controllers"));

    private static string MemoryRoot => V2 ? CgroupRoot : Path.Combine(CgroupRoot, "memory");

    private static string ChargeFile => V2 ? "memory.current" : "memory.usage_in_bytes";

    /// <summary>The container's memory cgroup: docker's cgroupfs layout, its systemd layout, else any directory two levels down named after it.</summary>
    private static string? CgroupOf(string containerId)
    {
        string[] known = [Path.Combine(MemoryRoot, "docker", containerId), Path.Combine(MemoryRoot, "system.slice", $"docker-{containerId}.scope")];
        return known.FirstOrDefault(Directory.Exists)
            ?? Directory.EnumerateDirectories(MemoryRoot).SelectMany(d => Directory.EnumerateDirectories(d)).FirstOrDefault(d => Path.GetFileName(d).Contains(containerId, StringComparison.Ordinal));
    }

    private static IEnumerable<int> CgroupPids(string cgroup) =>
        File.ReadAllLines(Path.Combine(cgroup, "cgroup.procs")).Select(l => int.Parse(l, NumberStyles.None, CultureInfo.InvariantCulture));

    private static List<HostProcess> HostProcesses()
    {
        var processes = new List<HostProcess>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture);
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
                processes.Add(new HostProcess(pid, parent, commandLine));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // Exited while listed.
            }
        }

        return processes;
    }
}
