using System.Globalization;

namespace IsolationBench.Fingerprint;

internal static class LinuxFingerprint
{
    // gVisor's sentry reports a fixed, fake kernel: release 4.4.0 and this build line (pkg/sentry/fsimpl/proc).
    private const string GVisorBanner = "#1 SMP Sun Jan 10 15:06:54 PST 2016";

    private static readonly string[] CgroupMarkers = ["docker", "containerd", "kubepods", "libpod", "lxc", "crio", "garden"];

    public static IsolationFingerprint Collect(FileSystemView fs)
    {
        var banner = fs.ReadText("/proc/version")?.Trim();

        // gVisor (2022 releases) has no /proc/sys/kernel/osrelease: the release is also the banner's third word.
        var release = fs.ReadText("/proc/sys/kernel/osrelease")?.Trim() ?? ReleaseFromBanner(banner) ?? "unknown";
        var status = ParseStatus(fs.ReadText("/proc/self/status"));
        var pid1 = fs.ReadText("/proc/1/comm")?.Trim();
        var rootFs = RootFileSystemType(fs.ReadText("/proc/self/mountinfo"));

        var evidence = ContainerEvidence(fs, pid1, rootFs);
        var gvisor = GVisorEvidence(release, banner, fs);
        var hypervisor = HasHypervisorFlag(fs.ReadText("/proc/cpuinfo"));

        return FingerprintCollector.Common("linux", release, evidence, gvisor, hypervisor) with
        {
            KernelBanner = banner,
            BootTimeUnixSeconds = BootTime(fs.ReadText("/proc/stat")),
            MemoryTotalBytes = MemTotal(fs.ReadText("/proc/meminfo")),
            Pid1Command = pid1,
            RootFileSystem = rootFs,
            EffectiveCapabilities = status.GetValueOrDefault("CapEff"),
            NoNewPrivileges = status.TryGetValue("NoNewPrivs", out var nnp) ? nnp == "1" : null,
            SeccompMode = status.TryGetValue("Seccomp", out var seccomp) && int.TryParse(seccomp, NumberStyles.None, CultureInfo.InvariantCulture, out var mode) ? mode : null,
            NetworkInterfaces = fs.ListDirectory("/sys/class/net"),
            PidsLimit = (fs.ReadText("/sys/fs/cgroup/pids/pids.max") ?? fs.ReadText("/sys/fs/cgroup/pids.max"))?.Trim(),
            AffinityCpuCount = CountCpuList(status.GetValueOrDefault("Cpus_allowed_list")),
            MemoryLimitBytes = CgroupMemoryLimit(fs),
        };
    }

    /// <summary>"0-3,6" → 5; null when absent or malformed.</summary>
    internal static int? CountCpuList(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return null;
        }

        var count = 0;
        foreach (var range in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = range.Split('-');
            if (bounds.Length is < 1 or > 2
                || !int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var lo)
                || !int.TryParse(bounds[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var hi)
                || hi < lo)
            {
                return null;
            }

            count += hi - lo + 1;
        }

        return count;
    }

    /// <summary>
    /// The memory limit of this process's own cgroup. A host process sees the whole hierarchy, so its cgroup's path
    /// (from /proc/self/cgroup) leads to its limit; a container sees its own cgroup as the mount's root.
    /// v1's "unlimited" (a page-rounded long.MaxValue) and v2's "max" are null.
    /// </summary>
    internal static long? CgroupMemoryLimit(FileSystemView fs)
    {
        var lines = fs.ReadText("/proc/self/cgroup")?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var v1 = lines.Select(l => l.Split(':', 3)).FirstOrDefault(p => p.Length == 3 && p[1].Split(',').Contains("memory"))?[2];
        var v2 = lines.Select(l => l.Split(':', 3)).FirstOrDefault(p => p.Length == 3 && p[0] == "0" && p[1].Length == 0)?[2];
        string?[] candidates =
        [
            v1 is null ? null : "/sys/fs/cgroup/memory" + v1.TrimEnd('/') + "/memory.limit_in_bytes",
            "/sys/fs/cgroup/memory/memory.limit_in_bytes",
            v2 is null ? null : "/sys/fs/cgroup" + v2.TrimEnd('/') + "/memory.max",
            "/sys/fs/cgroup/memory.max",
        ];
        foreach (var path in candidates.OfType<string>())
        {
            var text = fs.ReadText(path)?.Trim();
            if (text is null)
            {
                continue;
            }

            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes < UnlimitedThreshold ? bytes : null;
        }

        return null;
    }

    // v1 reports "no limit" as LONG_MAX rounded down to a page; anything this large is no limit.
    private const long UnlimitedThreshold = 1L << 62;

    internal static List<string> ContainerEvidence(FileSystemView fs, string? pid1, string? rootFs)
    {
        var evidence = new List<string>();
        if (fs.Exists("/.dockerenv"))
        {
            evidence.Add("dockerenv");
        }

        if (fs.Exists("/run/.containerenv"))
        {
            evidence.Add("containerenv");
        }

        var cgroupLine = fs.ReadText("/proc/self/cgroup")?
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line[(line.LastIndexOf(':') + 1)..])
            .FirstOrDefault(path => CgroupMarkers.Any(m => path.Contains(m, StringComparison.Ordinal)));
        if (cgroupLine is not null)
        {
            evidence.Add("cgroup:" + cgroupLine);
        }

        if (rootFs is "overlay" or "aufs" or "fuse-overlayfs")
        {
            evidence.Add("overlay-root:" + rootFs);
        }

        // On a normal Linux host PID 1 is an init system; in a container it is the workload itself (or a tiny init).
        if (pid1 is not null && pid1 is not ("systemd" or "init" or "launchd" or "sinit" or "openrc-init" or "runit"))
        {
            evidence.Add("pid1:" + pid1);
        }

        return evidence;
    }

    internal static List<string> GVisorEvidence(string release, string? banner, FileSystemView fs)
    {
        var evidence = new List<string>();
        if (banner is not null && banner.Contains(GVisorBanner, StringComparison.Ordinal) && release == "4.4.0")
        {
            evidence.Add("kernel-banner:4.4.0 " + GVisorBanner);
        }

        // gVisor's sentry fills the kernel log with its own boot messages; readable where /dev/kmsg is not.
        var kmsg = fs.ReadText("/proc/gvisor/kmsg");
        if (kmsg is not null)
        {
            evidence.Add("proc-gvisor");
        }

        return evidence;
    }

    internal static string? ReleaseFromBanner(string? banner)
    {
        // "Linux version 6.1.0-18-amd64 (debian-kernel@…) #1 SMP …"
        var words = banner?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words is { Length: >= 3 } && words[0] == "Linux" && words[1] == "version" ? words[2] : null;
    }

    internal static string? RootFileSystemType(string? mountinfo)
    {
        if (mountinfo is null)
        {
            return null;
        }

        // mountinfo: "id parent major:minor root mountpoint options [optional...] - fstype source superopts"
        foreach (var line in mountinfo.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            if (fields.Length > 4 && fields[4] == "/")
            {
                var dash = Array.IndexOf(fields, "-");
                if (dash >= 0 && dash + 1 < fields.Length)
                {
                    return fields[dash + 1];
                }
            }
        }

        return null;
    }

    internal static bool HasHypervisorFlag(string? cpuinfo) =>
        cpuinfo is not null && cpuinfo.Split('\n').Any(line =>
            line.StartsWith("flags", StringComparison.Ordinal) &&
            line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("hypervisor"));

    internal static long? BootTime(string? stat)
    {
        var line = stat?.Split('\n').FirstOrDefault(l => l.StartsWith("btime ", StringComparison.Ordinal));
        return line is not null && long.TryParse(line.AsSpan(6).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : null;
    }

    internal static long? MemTotal(string? meminfo)
    {
        var line = meminfo?.Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : null;
    }

    internal static Dictionary<string, string> ParseStatus(string? status)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (status ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                result[line[..colon]] = line[(colon + 1)..].Trim();
            }
        }

        return result;
    }
}
