namespace IsolationBench.Results.Io;

/// <summary>
/// One io target of one guest cell: the filesystem it was on as the guest saw it. <see cref="FsType"/> is the mount's
/// own type from /proc/self/mountinfo (e.g. ext4, overlay, tmpfs), or statfs's name when the mount was not found;
/// <see cref="StatfsType"/> is statfs's f_type name ("ext2/3/4" for that family: one magic number).
/// </summary>
public sealed record IoTargetRow(string RunId, int Round, string Mode, string Target, string FsType, string StatfsType, string MountOptions)
{
    /// <summary>Memory-backed: fsync does nothing and reads never reach a device, so no comparison with a disk holds.</summary>
    public bool IsMemoryBacked => FsType is "tmpfs" or "ramfs" || StatfsType is "tmpfs" or "ramfs";
}

/// <summary>
/// One read benchmark of one guest cell: the mincore checks taken just before its timed reads (after the pages were
/// dropped), and what they make of it: <see cref="ReadKinds.Device"/> or <see cref="ReadKinds.Cache"/>.
/// </summary>
public sealed record IoReadRow(string RunId, int Round, string Mode, string Metric, int Checks, long FilePages, long MaxResidentPages, string ReadKind);

/// <summary>What a read benchmark's figure measured, decided from the residency measured in that mode, never from a constant.</summary>
public static class ReadKinds
{
    public const string Device = "device read";
    public const string Cache = "cache read";

    /// <summary>
    /// The share of a file's pages that may still be resident for a read to count as a device read: a few pages
    /// come back between the check and the read (the file's first page on open, metadata), never a large share.
    /// </summary>
    public const double ResidentTolerance = 0.01;

    /// <summary>
    /// Device read ⇔ every check found at most <see cref="ResidentTolerance"/> of the file resident; any check above
    /// it makes the whole series a cache read (its iterations are not independent draws of device speed). Null
    /// without checks: nothing measured, nothing claimed.
    /// </summary>
    public static string? Classify(IReadOnlyList<(long FilePages, long ResidentPages)> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        if (checks.Count == 0)
        {
            return null;
        }

        return checks.All(c => c.FilePages > 0 && c.ResidentPages <= c.FilePages * ResidentTolerance) ? Device : Cache;
    }
}
