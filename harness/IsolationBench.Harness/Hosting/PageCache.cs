using System.Runtime.InteropServices;

namespace IsolationBench.Harness.Hosting;

/// <summary>
/// --cold: the host's page cache emptied before a startup cell, so the cell starts from disk (image layers, runtime
/// binaries, the probe) rather than from what the previous cell left in memory. Linux only, and only root may write
/// /proc/sys/vm/drop_caches.
/// </summary>
public static partial class PageCache
{
    public const string DropCachesPath = "/proc/sys/vm/drop_caches";

    /// <summary>What the run's notes say --cold did.</summary>
    public const string Note = "--cold: the page cache was dropped (sync; echo 3 > /proc/sys/vm/drop_caches) before every startup cell, warm-ups included: each is a cold-cache start";

    /// <summary>Null when --cold can work here; otherwise the one-line reason and what to do.</summary>
    public static string? Refusal(bool isLinux, bool isRoot) =>
        !isLinux ? "--cold drops Linux's page cache, and this host is not Linux: drop --cold (on Windows, restart the engine service before the run for a cold first container)"
        : !isRoot ? "--cold drops the page cache through /proc/sys/vm/drop_caches, which needs root: run as root (sudo) or drop --cold"
        : null;

    public static string? RefusalHere() => Refusal(OperatingSystem.IsLinux(), Environment.IsPrivilegedProcess);

    /// <summary>Writes dirty pages back (sync), then drops the clean page cache, dentries and inodes (3).</summary>
    public static async Task DropAsync(CancellationToken cancellationToken)
    {
        Sync();
        await File.WriteAllTextAsync(DropCachesPath, "3", cancellationToken).ConfigureAwait(false);
    }

    [LibraryImport("libc", EntryPoint = "sync")]
    private static partial void Sync();
}
