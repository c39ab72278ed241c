using IsolationBench.Harness;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IsolationBench.Harness.Resources;

namespace IsolationBench.Workloads.Startup.RuntimeDirect;

/// <summary>
/// Writes the config.json the Docker engine (20.10, cgroupfs) generates for our startup containers, field for field
/// where it decides what is measured: user, args, env, cwd, own network namespace (loopback only), rootfs
/// read-only or not, cpuset, memory (+swap at twice it, the engine's default), pids, capabilities, no-new-privileges,
/// the engine's mounts, masked and read-only paths, devices and sysctls. Left out on purpose: the engine's
/// seccomp profile (not ours to copy; a runtime-direct container runs unconfined by seccomp) and the bind mounts
/// of resolv.conf/hostname/hosts, which the engine writes per container and a network-less probe never reads.
/// </summary>
public static class OciConfig
{
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>The capabilities the engine keeps when none are dropped (moby's default set).</summary>
    public static readonly IReadOnlyList<string> EngineDefaultCapabilities =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
    ];

    public static string Render(BundleSpec spec, string cgroupsPath) =>
        Build(spec, cgroupsPath).ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    public static JsonObject Build(BundleSpec spec, string cgroupsPath)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (uid, gid) = ParseUser(spec.Image.User);
        var caps = spec.Limits.DropAllCapabilities ? [] : EngineDefaultCapabilities;
        var resources = new JsonObject
        {
            ["devices"] = Devices(),
        };
        if (spec.Limits.MemoryBytes is { } memory)
        {
            resources["memory"] = new JsonObject { ["limit"] = memory, ["swap"] = memory * 2 };
        }

        if (spec.Limits.Cpus is { } cpus)
        {
            resources["cpu"] = new JsonObject { ["cpus"] = new ResourceRequest(cpus, 0).CpusetList };
        }

        if (spec.Limits.PidsLimit is { } pids)
        {
            resources["pids"] = new JsonObject { ["limit"] = pids };
        }

        return new JsonObject
        {
            ["ociVersion"] = "1.0.2-dev",
            ["process"] = new JsonObject
            {
                ["terminal"] = false,
                ["user"] = new JsonObject { ["uid"] = uid, ["gid"] = gid, ["additionalGids"] = new JsonArray(gid) },
                ["args"] = Strings(Args(spec)),
                ["env"] = Strings(Env(spec)),
                ["cwd"] = spec.Image.WorkingDir.Length > 0 ? spec.Image.WorkingDir : "/",
                ["capabilities"] = new JsonObject
                {
                    ["bounding"] = Strings(caps),
                    ["effective"] = Strings(caps),
                    ["permitted"] = Strings(caps),
                },
                ["noNewPrivileges"] = spec.Limits.NoNewPrivileges,
                ["oomScoreAdj"] = 0,
            },
            ["root"] = new JsonObject { ["path"] = "rootfs", ["readonly"] = spec.ReadonlyRootfs },
            ["hostname"] = spec.Hostname,
            ["mounts"] = Mounts(spec.ShmBytes),
            ["linux"] = new JsonObject
            {
                ["sysctl"] = new JsonObject
                {
                    ["net.ipv4.ip_unprivileged_port_start"] = "0",
                    ["net.ipv4.ping_group_range"] = "0 2147483647",
                },
                ["resources"] = resources,
                ["cgroupsPath"] = cgroupsPath,
                // Its own network namespace and nothing configured in it: loopback only, as --network none.
                ["namespaces"] = new JsonArray(Namespace("mount"), Namespace("network"), Namespace("uts"), Namespace("pid"), Namespace("ipc")),
                ["maskedPaths"] = Strings(["/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware"]),
                ["readonlyPaths"] = Strings(["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"]),
            },
        };
    }

    /// <summary>Entrypoint then cmd, the spec's command replacing the image's cmd (the engine's rule).</summary>
    public static IReadOnlyList<string> Args(BundleSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        IReadOnlyList<string> args = [.. spec.Image.Entrypoint, .. spec.Command.Count > 0 ? spec.Command : spec.Image.Cmd];
        return args.Count > 0 ? args : throw new ArgumentException("the image has no entrypoint or cmd and the spec no command: nothing to run", nameof(spec));
    }

    /// <summary>The engine's order: PATH and HOSTNAME first, then the image's env, then the container's, each replacing by name.</summary>
    public static IReadOnlyList<string> Env(BundleSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var env = new List<string> { "PATH=" + DefaultPath, "HOSTNAME=" + spec.Hostname };
        foreach (var entry in spec.Image.Env.Concat(spec.Environment))
        {
            var name = entry.Split('=', 2)[0];
            var at = env.FindIndex(e => e.Split('=', 2)[0] == name);
            if (at >= 0)
            {
                env[at] = entry;
            }
            else
            {
                env.Add(entry);
            }
        }

        return env;
    }

    /// <summary>"" = root; numeric "uid" or "uid:gid". A name would need the image's /etc/passwd, which the probe has not.</summary>
    public static (long Uid, long Gid) ParseUser(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Length == 0)
        {
            return (0, 0);
        }

        var parts = user.Split(':', 2);
        if (long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
        {
            if (parts.Length == 1)
            {
                return (uid, 0);
            }

            if (long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var gid))
            {
                return (uid, gid);
            }
        }

        throw new NotSupportedException($"image user \"{user}\" is a name: runtime-direct bundles take a numeric uid[:gid] (set USER 1000:1000 in the image)");
    }

    private static JsonObject Namespace(string type) => new() { ["type"] = type };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    private static JsonArray Mounts(long shmBytes) =>
    [
        Mount("/proc", "proc", "proc", "nosuid", "noexec", "nodev"),
        Mount("/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k"),
        Mount("/dev/pts", "devpts", "devpts", "nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"),
        Mount("/sys", "sysfs", "sysfs", "nosuid", "noexec", "nodev", "ro"),
        Mount("/sys/fs/cgroup", "cgroup", "cgroup", "ro", "nosuid", "noexec", "nodev"),
        Mount("/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev"),
        Mount("/dev/shm", "tmpfs", "shm", "nosuid", "noexec", "nodev", "mode=1777", "size=" + shmBytes.ToString(CultureInfo.InvariantCulture)),
    ];

    private static JsonObject Mount(string destination, string type, string source, params string[] options) => new()
    {
        ["destination"] = destination,
        ["type"] = type,
        ["source"] = source,
        ["options"] = Strings(options),
    };

    /// <summary>The engine's device cgroup: deny all, then null, zero, full, random, urandom, tty, console; deny tun.</summary>
    private static JsonArray Devices() =>
    [
        new JsonObject { ["allow"] = false, ["access"] = "rwm" },
        Device(true, 1, 5), Device(true, 1, 3), Device(true, 1, 9), Device(true, 1, 8), Device(true, 5, 0), Device(true, 5, 1), Device(false, 10, 229),
    ];

    private static JsonObject Device(bool allow, int major, int minor) => new()
    {
        ["allow"] = allow,
        ["type"] = "c",
        ["major"] = major,
        ["minor"] = minor,
        ["access"] = "rwm",
    };
}
