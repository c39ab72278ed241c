namespace IsolationBench.Fingerprint.Tests;

/// <summary>A temporary folder laid out like the Linux pseudo-files the detection reads.</summary>
internal sealed class FakeProcTree : IDisposable
{
    public FakeProcTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "isobench-proc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public FileSystemView View => new(Root);

    public FakeProcTree With(string absolutePath, string content)
    {
        var path = Path.Combine(Root, absolutePath.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public FakeProcTree WithDirectory(string absolutePath)
    {
        Directory.CreateDirectory(Path.Combine(Root, absolutePath.TrimStart('/')));
        return this;
    }

    public static FakeProcTree Host() => new FakeProcTree()
        .With("/proc/sys/kernel/osrelease", "6.1.0-18-amd64\n")
        .With("/proc/version", "Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1\n")
        .With("/proc/1/comm", "systemd\n")
        .With("/proc/self/cgroup", "0::/user.slice/user-1000.slice/session-2.scope\n")
        .With("/proc/self/mountinfo", "22 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n")
        .With("/proc/stat", "cpu  1 2 3\nbtime 1700000000\nprocesses 5\n")
        .With("/proc/meminfo", "MemTotal:       24576000 kB\nMemFree: 1 kB\n")
        .With("/proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu vme sse2\n")
        .With("/proc/self/status", "Name:\tprobe\nCapEff:\t000001ffffffffff\nNoNewPrivs:\t0\n")
        .WithDirectory("/sys/class/net/lo")
        .WithDirectory("/sys/class/net/eth0");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
