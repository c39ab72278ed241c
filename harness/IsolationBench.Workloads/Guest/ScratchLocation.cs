using IsolationBench.Harness;
using IsolationBench.Fingerprint;

namespace IsolationBench.Workloads.Guest;

/// <summary>Where host-mode io targets (and every mode's bind-mounted volume) live, and why there.</summary>
public sealed record ScratchChoice(string Root, string Reason);

/// <summary>
/// Puts the host's io scratch on the filesystem that holds the engine's data root: the containers' layer target is
/// overlayfs over that filesystem, so the host's "layer" baseline writes to the same device and filesystem type
/// (under the temp folder it could be tmpfs, where fsync does nothing). Checked, not assumed: the sibling folder
/// counts only when its mount is the data root's; otherwise the temp folder, with the reason said. The guest
/// records every target's filesystem anyway, and the report refuses a verdict on a tmpfs baseline.
/// </summary>
public static class ScratchLocation
{
    public const string FolderName = "isolationbench-scratch";

    /// <param name="requested">a folder the caller chose (RunOptions.ScratchDir): used as is.</param>
    /// <param name="dockerRootDir">the engine's DockerRootDir from /info; empty without an engine.</param>
    /// <param name="filesystemOf">the filesystem holding a path, null when unknown (<see cref="FilesystemOf"/> in production).</param>
    public static ScratchChoice Choose(string? requested, string? dockerRootDir, string tempPath, Func<string, string?> filesystemOf)
    {
        ArgumentNullException.ThrowIfNull(tempPath);
        ArgumentNullException.ThrowIfNull(filesystemOf);
        var fallback = Path.Combine(tempPath, "isobench-scratch");
        if (!string.IsNullOrWhiteSpace(requested))
        {
            return new ScratchChoice(Path.GetFullPath(requested), "as requested");
        }

        if (string.IsNullOrWhiteSpace(dockerRootDir))
        {
            return new ScratchChoice(fallback, "no engine: under the temp folder");
        }

        if (!Directory.Exists(dockerRootDir))
        {
            return new ScratchChoice(fallback, $"the engine's data root {dockerRootDir} is not on this machine: under the temp folder");
        }

        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dockerRootDir)));
        if (parent is null)
        {
            return new ScratchChoice(fallback, $"the engine's data root {dockerRootDir} has no parent folder: under the temp folder");
        }

        var sibling = Path.Combine(parent, FolderName);
        var rootFs = filesystemOf(dockerRootDir);
        var siblingFs = filesystemOf(sibling);
        return rootFs is not null && rootFs == siblingFs
            ? new ScratchChoice(sibling, $"beside the engine's data root {dockerRootDir}, on its filesystem ({rootFs})")
            : new ScratchChoice(fallback, $"{sibling} is not on the filesystem of the engine's data root {dockerRootDir} ({rootFs ?? "unknown"} vs {siblingFs ?? "unknown"}): under the temp folder");
    }

    /// <summary>
    /// The filesystem holding <paramref name="path"/> (its nearest existing folder): on Linux the device (major:minor)
    /// and type of the mount from /proc/self/mountinfo, so two mount points of one filesystem (a bind mount of the
    /// data root, as here) count as the same; elsewhere the drive's root. Null when unknown.
    /// </summary>
    public static string? FilesystemOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        try
        {
            if (OperatingSystem.IsLinux() && File.Exists("/proc/self/mountinfo"))
            {
                var mount = MountInfo.Find(MountInfo.Parse(File.ReadAllText("/proc/self/mountinfo")), full);
                return mount is null ? null : FormattableString.Invariant($"{mount.Major}:{mount.Minor} {mount.FsType}");
            }

            return DriveInfo.GetDrives().Select(d => d.RootDirectory.FullName).Where(root => Holds(root, full)).MaxBy(root => root.Length);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool Holds(string root, string path)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var trimmed = Path.TrimEndingDirectorySeparator(root);
        return trimmed.Length == 0 || root == Path.DirectorySeparatorChar.ToString()
            || string.Equals(path, trimmed, comparison)
            || path.StartsWith(trimmed + Path.DirectorySeparatorChar, comparison);
    }
}
