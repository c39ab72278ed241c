namespace IsolationBench.Benchmarks.Guest.Filesystems;

/// <summary>
/// statfs(2)'s f_type → a filesystem name (the magic numbers of linux/magic.h). statfs cannot tell ext2, ext3
/// and ext4 apart (one magic), so that one is "ext2/3/4"; the mount's own type from /proc/self/mountinfo says which.
/// </summary>
public static class FileSystemNames
{
    public const string Tmpfs = "tmpfs";

    private static readonly Dictionary<long, string> Names = new()
    {
        [0xEF53] = "ext2/3/4",
        [0x58465342] = "xfs",
        [0x9123683E] = "btrfs",
        [0x01021994] = Tmpfs,
        [0x858458F6] = "ramfs",
        [0x794C7630] = "overlay",
        [0x6969] = "nfs",
        [0x2FC12FC1] = "zfs",
        [0xF2F52010] = "f2fs",
        [0xCA451A4E] = "bcachefs",
        [0x65735546] = "fuse",
        [0x01021997] = "9p",
        [0x73717368] = "squashfs",
        [0x4D44] = "vfat",
        [0x5346544E] = "ntfs",
        [0xFF534D42] = "cifs",
        [0xFE534D42] = "smb2",
        [0x00C36400] = "ceph",
        [0x61756673] = "aufs",
        [0x9FA0] = "proc",
        [0x62656572] = "sysfs",
    };

    /// <summary>The name for an f_type, or "unknown (0x…)" with the number, so nothing is silently guessed.</summary>
    public static string FromMagic(long magic) =>
        Names.TryGetValue(magic & 0xFFFFFFFF, out var name)
            ? name
            : FormattableString.Invariant($"unknown (0x{magic & 0xFFFFFFFF:x})");
}
