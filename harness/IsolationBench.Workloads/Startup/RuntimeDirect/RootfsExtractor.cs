using IsolationBench.Harness;
using System.Formats.Tar;

namespace IsolationBench.Workloads.Startup.RuntimeDirect;

/// <summary>
/// Unpacks an exported container filesystem into a bundle's rootfs. <see cref="TarFile"/> refuses absolute symlink
/// targets, which every image has (etc/mtab → /proc/mounts) and which mean the container's own root, so entries are
/// written here: names must stay inside the rootfs, and nothing is written through a symlink already extracted.
/// Device nodes are skipped (the bundle mounts its own /dev); a hard link becomes a copy of its target.
/// </summary>
public static class RootfsExtractor
{
    public static async Task ExtractAsync(Stream tar, string rootfs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tar);
        var root = Path.GetFullPath(rootfs);
        Directory.CreateDirectory(root);
        var reader = new TarReader(tar);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
            {
                var path = Inside(root, entry.Name);
                if (path is null)
                {
                    continue;
                }

                switch (entry.EntryType)
                {
                    case TarEntryType.Directory:
                        Directory.CreateDirectory(path);
                        SetMode(path, entry.Mode);
                        break;
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        Replace(path);
                        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                        await using (file.ConfigureAwait(false))
                        {
                            if (entry.DataStream is { } data)
                            {
                                await data.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                            }
                        }

                        SetMode(path, entry.Mode);
                        break;
                    case TarEntryType.SymbolicLink:
                        Replace(path);
                        File.CreateSymbolicLink(path, entry.LinkName);
                        break;
                    case TarEntryType.HardLink:
                        if (Inside(root, entry.LinkName) is { } target && File.Exists(target) && new FileInfo(target).LinkTarget is null)
                        {
                            Replace(path);
                            File.Copy(target, path);
                        }

                        break;
                    default:
                        // Devices, fifos: the runtime mounts /dev itself.
                        break;
                }
            }
        }
    }

    /// <summary>The entry's path under <paramref name="root"/>; null for the root itself. Throws for a name that escapes it.</summary>
    public static string? Inside(string root, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var relative = name.TrimStart('/').TrimEnd('/');
        if (relative.Length == 0 || relative == ".")
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(root, relative));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"image filesystem entry '{name}' points outside the rootfs");
        }

        // No parent may be a symlink: writing through one could land outside the rootfs.
        for (var dir = Path.GetDirectoryName(path); dir is not null && dir.Length > root.Length; dir = Path.GetDirectoryName(dir))
        {
            if (new DirectoryInfo(dir).LinkTarget is not null)
            {
                throw new InvalidDataException($"image filesystem entry '{name}' lies under a symlink");
            }
        }

        return path;
    }

    private static void SetMode(string path, UnixFileMode mode)
    {
        // Runtime-direct is Linux only (RuntimeDirectSupport); elsewhere the bundle is never run.
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private static void Replace(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            File.Delete(path);
        }
    }
}
