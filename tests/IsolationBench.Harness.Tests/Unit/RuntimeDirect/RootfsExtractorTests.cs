using IsolationBench.Workloads.Startup.RuntimeDirect;
using System.Formats.Tar;

namespace IsolationBench.Harness.Tests.Unit.RuntimeDirect;

/// <summary>Linux only, like runtime-direct itself (symlinks and modes as the container sees them).</summary>
public sealed class RootfsExtractorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "isobench-rootfs-test-" + Guid.NewGuid().ToString("N"));

    [SkippableFact]
    public async Task Files_dirs_and_absolute_symlinks_are_written_as_the_container_sees_them()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "runtime-direct bundles are Linux only");
        using var tar = Tar(
            new PaxTarEntry(TarEntryType.Directory, "etc/") { Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute },
            new PaxTarEntry(TarEntryType.SymbolicLink, "etc/mtab") { LinkName = "/proc/mounts" },
            File("isobench-probe", "ELF", UnixFileMode.UserRead | UnixFileMode.UserExecute));

        await RootfsExtractor.ExtractAsync(tar, _root, CancellationToken.None);

        Assert.Equal("/proc/mounts", new FileInfo(Path.Combine(_root, "etc", "mtab")).LinkTarget);
        Assert.Equal("ELF", await System.IO.File.ReadAllTextAsync(Path.Combine(_root, "isobench-probe")));
        if (OperatingSystem.IsLinux())
        {
            Assert.True(System.IO.File.GetUnixFileMode(Path.Combine(_root, "isobench-probe")).HasFlag(UnixFileMode.UserExecute));
        }
    }

    [SkippableFact]
    public async Task An_entry_that_climbs_out_of_the_rootfs_is_refused()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "runtime-direct bundles are Linux only");
        using var tar = Tar(File("../escaped", "x", UnixFileMode.UserRead));

        await Assert.ThrowsAsync<InvalidDataException>(() => RootfsExtractor.ExtractAsync(tar, _root, CancellationToken.None));
        Assert.False(System.IO.File.Exists(Path.Combine(Path.GetDirectoryName(_root)!, "escaped")));
    }

    [SkippableFact]
    public async Task Nothing_is_written_through_a_symlink_already_extracted()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "runtime-direct bundles are Linux only");
        var outside = _root + "-outside";
        using var tar = Tar(
            new PaxTarEntry(TarEntryType.SymbolicLink, "evil") { LinkName = outside },
            File("evil/x", "x", UnixFileMode.UserRead));

        await Assert.ThrowsAsync<InvalidDataException>(() => RootfsExtractor.ExtractAsync(tar, _root, CancellationToken.None));
        Assert.False(Directory.Exists(outside));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static PaxTarEntry File(string name, string content, UnixFileMode mode) =>
        new(TarEntryType.RegularFile, name) { Mode = mode, DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)) };

    private static MemoryStream Tar(params TarEntry[] entries)
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var e in entries)
            {
                writer.WriteEntry(e);
            }
        }

        stream.Position = 0;
        return stream;
    }
}
