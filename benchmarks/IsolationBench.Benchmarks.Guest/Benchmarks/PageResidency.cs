using System.Collections.Concurrent;
using IsolationBench.Benchmarks.Guest.Native;

namespace IsolationBench.Benchmarks.Guest.Benchmarks;

/// <summary>One residency check: how many of a file's pages were in the page cache just before a timed read.</summary>
public sealed record ResidencyCheck(long FilePages, long ResidentPages);

/// <summary>
/// mincore(2) over a read-only shared mapping of a file: which of its pages are in the page cache. The io
/// benchmarks check right after dropping the pages (POSIX_FADV_DONTNEED) and before the timed read, and record
/// every check per metric; isobench-units.json carries them, so "device read" vs "cache read" is decided from what
/// was measured in that mode. gVisor's mincore reports every mapped page resident (its sentry serves reads
/// from its own cache, which DONTNEED does not drop): there the checks say "cache", which is the truth.
/// Static because BenchmarkDotNet creates the benchmark instances; the in-process toolchain shares this process.
/// </summary>
public static class PageResidency
{
    private static readonly ConcurrentDictionary<string, List<ResidencyCheck>> Checks = new(StringComparer.Ordinal);

    public static IReadOnlyList<ResidencyCheck> For(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (!Checks.TryGetValue(metric, out var list))
        {
            return [];
        }

        lock (list)
        {
            return [.. list];
        }
    }

    public static void Record(string metric, ResidencyCheck check)
    {
        var list = Checks.GetOrAdd(metric, _ => []);
        lock (list)
        {
            list.Add(check);
        }
    }

    /// <summary>Resident pages of the file now (Linux only; elsewhere null: nothing was checked).</summary>
    public static unsafe ResidencyCheck? Measure(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            return new ResidencyCheck(0, 0);
        }

        var pageSize = Environment.SystemPageSize;
        var pages = (length + pageSize - 1) / pageSize;
        var name = Libc.AllocPath(path);
        var fd = -1;
        void* map = null;
        var vector = (byte*)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)pages);
        try
        {
            fd = Libc.Open(name, Libc.ORdOnly | Libc.OCloExec, 0);
            Libc.Check(fd, "open " + path);
            // A mapping touches no page by itself: mincore only reads the cache's state.
            map = Libc.Mmap(null, (nuint)length, Libc.ProtRead, Libc.MapShared, fd, 0);
            if (map == (void*)-1)
            {
                map = null;
                Libc.Check(-1, "mmap " + path);
            }

            Libc.Check(Libc.Mincore(map, (nuint)length, vector), "mincore " + path);
            long resident = 0;
            for (long i = 0; i < pages; i++)
            {
                resident += vector[i] & 1;
            }

            return new ResidencyCheck(pages, resident);
        }
        finally
        {
            if (map is not null)
            {
                _ = Libc.Munmap(map, (nuint)length);
            }

            if (fd >= 0)
            {
                _ = Libc.Close(fd);
            }

            System.Runtime.InteropServices.NativeMemory.Free(vector);
            System.Runtime.InteropServices.NativeMemory.Free(name);
        }
    }
}
