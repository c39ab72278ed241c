using BenchmarkDotNet.Attributes;
using IsolationBench.Benchmarks.Guest.Native;
using Microsoft.Win32.SafeHandles;

namespace IsolationBench.Benchmarks.Guest.Benchmarks;

/// <summary>
/// File I/O on two targets: the container's own writable layer (overlayfs on Linux) and a bind-mounted host
/// directory. Uses RandomAccess (a thin pread/pwrite wrapper on Linux) and fsync through FileStream.Flush(true).
/// Page cache: writes end with fsync, so they reach the device; before every read iteration the file's pages
/// are dropped with posix_fadvise(POSIX_FADV_DONTNEED) (Linux), as fio's invalidate=1 does, and mincore then
/// counts how many are still resident (<see cref="PageResidency"/>): a read that found its pages resident is a
/// cache read, whatever was asked. <see cref="RandomRead4KiBDirect"/> reads with O_DIRECT, for a device read
/// where the cache cannot be dropped. What fio runs for each of these is defined once in <see cref="IoOperations"/>.
/// Each io iteration is one invocation (RunStrategy.Monitoring, see GuestConfig).
/// </summary>
[BenchmarkCategory(GuestCategories.Io)]
public unsafe class IoBenchmarks
{
    public const int Block = 1 << 20;
    public const long SequentialBytes = 256L << 20;
    public const int SmallBlock = 4096;
    public const int RandomReads = 4096;
    public const long RandomWriteFileBytes = 64L << 20;
    public const int RandomWrites = 256;
    public const int SmallFiles = 256;

    /// <summary>Our files' folder under each target, and the read file in it that fio's random reads read too.</summary>
    public const string SubDirectory = "isobench-io";
    public const string ReadFileName = "read.dat";

    private const string DropNote = "posix_fadvise(DONTNEED) after fsync, before each read iteration, then mincore counts the pages still "
        + "resident: device read only where none were (see residency per mode)";

    private string _dir = string.Empty;
    private string _readFile = string.Empty;
    private string _randomWriteFile = string.Empty;
    private byte[] _block = [];
    private long[] _readOffsets = [];
    private long[] _writeOffsets = [];
    private long[] _directOffsets = [];
    private int _readDraw;
    private int _directDraw;
    private byte* _aligned;

    [ParamsSource(nameof(Targets))]
    public string Target { get; set; } = IoTargets.Layer;

    /// <summary>The volume target exists only when the harness mounted one (--volume-dir).</summary>
    public static IEnumerable<string> Targets =>
        GuestSettings.VolumeDir is null ? [IoTargets.Layer] : [IoTargets.Layer, IoTargets.Volume];

    /// <summary>
    /// Read files already written in this process, per target: the three read benchmarks share one (each drops its
    /// pages before every iteration, so a reused file reads like a new one) instead of each writing 256 MiB and
    /// fsyncing it again — that rewriting was a quarter of an io container's time.
    /// </summary>
    private static readonly HashSet<string> WrittenReadFiles = [];

    [GlobalSetup(Targets = [nameof(SequentialWrite1MiB), nameof(SmallFileCreateDelete)])]
    public void Setup()
    {
        _dir = Path.Combine(GuestSettings.DirectoryFor(Target), SubDirectory);
        Directory.CreateDirectory(_dir);
        _block = new byte[Block];
        new Random(42).NextBytes(_block); // incompressible, in case the file system compresses
        _readFile = Path.Combine(_dir, ReadFileName);
        _randomWriteFile = Path.Combine(_dir, "random-write.dat");

        // O_DIRECT needs buffer, offset and length aligned to the logical block size; a page covers every device here.
        _aligned = (byte*)System.Runtime.InteropServices.NativeMemory.AlignedAlloc(SmallBlock, (nuint)Environment.SystemPageSize);
        new Span<byte>(_aligned, SmallBlock).Clear();
    }

    [GlobalSetup(Targets = [nameof(SequentialRead1MiB), nameof(RandomRead4KiB), nameof(RandomRead4KiBDirect)])]
    public void SetupReads()
    {
        Setup();
        if (!WrittenReadFiles.Contains(_readFile) || !File.Exists(_readFile) || new FileInfo(_readFile).Length != SequentialBytes)
        {
            WriteFile(_readFile, SequentialBytes);
            WrittenReadFiles.Add(_readFile);
        }
    }

    [GlobalSetup(Target = nameof(RandomWrite4KiB))]
    public void SetupRandomWrite()
    {
        Setup();
        WriteFile(_randomWriteFile, RandomWriteFileBytes);

        // Distinct pages (a shuffled prefix), so no random write lands on an earlier one's page.
        _writeOffsets = DistinctPages(RandomWriteFileBytes, RandomWrites, seed: 2);
    }

    /// <summary>fio's job first on its turns (<see cref="BeforeRefereedIteration"/>); the file to write never exists here.</summary>
    [IterationSetup(Target = nameof(SequentialWrite1MiB))]
    public void BeforeWrite() => BeforeRefereedIteration?.Invoke();

    /// <summary>
    /// The written file is deleted right after each iteration, untimed, as fio deletes its own right after each job
    /// (unlink=1), and before fio's job on its turns after ours. Deleted at the start of the next iteration instead, ours
    /// wrote right after a 256 MiB delete and fio did not: with the file system's online discard (this VM's ext4 is
    /// mounted with it), ours ran 10–13 % faster than fio in every mode of run 20261201-055156-vm.
    /// </summary>
    [IterationCleanup(Target = nameof(SequentialWrite1MiB))]
    public void DeleteWrittenFile()
    {
        File.Delete(SequentialWriteFile);
        AfterRefereedIteration?.Invoke();
    }

    [Benchmark]
    [ReportedUnit("MB/s", Better.Higher, BytesPerOp = SequentialBytes, CacheNote = "256 MiB in 1 MiB writes to a new file, then one fsync (timed)")]
    public void SequentialWrite1MiB() => WriteFile(SequentialWriteFile, SequentialBytes);

    private string SequentialWriteFile => Path.Combine(_dir, "sequential-write.dat");

    [IterationSetup(Target = nameof(SequentialRead1MiB))]
    public void DropReadFile() => DropAndCheck(nameof(SequentialRead1MiB));

    /// <summary>
    /// A new set of pages every iteration, as fio draws new offsets for every job: re-reading the same 4096 pages
    /// let a cache below the guest's page cache (a VM disk's host-side cache, which DONTNEED cannot reach) warm
    /// up, and ours read ~10 % faster than fio, climbing iteration after iteration.
    /// </summary>
    [IterationSetup(Target = nameof(RandomRead4KiB))]
    public void DropReadFileAndDrawPages()
    {
        BeforeRefereedIteration?.Invoke();
        _readOffsets = DistinctPages(SequentialBytes, RandomReads, seed: ++_readDraw);
        DropAndCheck(nameof(RandomRead4KiB));
    }

    /// <summary>Its own draw of pages (seeds apart from the buffered read's), and the same drop and check.</summary>
    [IterationSetup(Target = nameof(RandomRead4KiBDirect))]
    public void DropReadFileAndDrawDirectPages()
    {
        BeforeRefereedIteration?.Invoke();
        _directOffsets = DistinctPages(SequentialBytes, RandomReads, seed: 1000 + ++_directDraw);
        DropAndCheck(nameof(RandomRead4KiBDirect));
    }

    /// <summary>
    /// Set while fio referees an operation interleaved with ours (Fio.FioInterleave): called first in each of our
    /// iterations' setup of the refereed benchmarks (before the read's drop, before the write's delete), and runs fio's
    /// job there on its turns (before our even iterations). Null otherwise.
    /// </summary>
    public static Action? BeforeRefereedIteration { get; set; }

    /// <summary>As <see cref="BeforeRefereedIteration"/>, after each of our iterations: fio's job on its other turns (after our odd ones).</summary>
    public static Action? AfterRefereedIteration { get; set; }

    [IterationCleanup(Targets = [nameof(RandomRead4KiB), nameof(RandomRead4KiBDirect)])]
    public void AfterRead() => AfterRefereedIteration?.Invoke();

    [Benchmark]
    [LinuxOnly] // Windows reads without the cache instead: Windows/WindowsIoBenchmarks.cs
    [ReportedUnit("MB/s", Better.Higher, BytesPerOp = SequentialBytes, CacheNote = "256 MiB in 1 MiB reads, kernel readahead on; " + DropNote)]
    public long SequentialRead1MiB()
    {
        using var handle = File.OpenHandle(_readFile, FileMode.Open, FileAccess.Read);
        long total = 0;
        int read;
        while ((read = RandomAccess.Read(handle, _block, total)) > 0)
        {
            total += read;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = RandomReads)]
    [LinuxOnly] // Windows reads without the cache instead: Windows/WindowsIoBenchmarks.cs
    [ReportedUnit("ops/s", Better.Higher, OpsPerInvoke = RandomReads,
        CacheNote = "4096 distinct random 4 KiB pages of a 256 MiB file, new pages each iteration, POSIX_FADV_RANDOM (no readahead); " + DropNote)]
    public long RandomRead4KiB()
    {
        using var handle = File.OpenHandle(_readFile, FileMode.Open, FileAccess.Read);
        Advise(handle, Libc.PosixFadvRandom);
        var buffer = _block.AsSpan(0, SmallBlock);
        long total = 0;
        foreach (var offset in _readOffsets)
        {
            total += RandomAccess.Read(handle, buffer, offset);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = RandomReads)]
    [LinuxOnly]
    [ReportedUnit("ops/s", Better.Higher, OpsPerInvoke = RandomReads,
        CacheNote = "as RandomRead4KiB, opened with O_DIRECT (page-aligned buffer): the device read where a cache cannot be dropped; "
            + "under gVisor O_DIRECT bypasses the sandbox's cache but not the host's, so mincore (which gVisor answers 'all resident') labels it a cache read")]
    public long RandomRead4KiBDirect()
    {
        var path = Libc.AllocPath(_readFile);
        var fd = Libc.Open(path, Libc.ORdOnly | Libc.OCloExec | Libc.ODirect, 0);
        System.Runtime.InteropServices.NativeMemory.Free(path);
        Libc.Check(fd, "open(O_DIRECT) " + _readFile + " (does this filesystem support O_DIRECT?)");
        try
        {
            _ = Libc.PosixFadvise(fd, 0, 0, Libc.PosixFadvRandom);
            long total = 0;
            foreach (var offset in _directOffsets)
            {
                total += Libc.Pread(fd, _aligned, SmallBlock, offset);
            }

            return total;
        }
        finally
        {
            _ = Libc.Close(fd);
        }
    }

    [Benchmark(OperationsPerInvoke = RandomWrites)]
    [ReportedUnit("ops/s", Better.Higher, OpsPerInvoke = RandomWrites,
        CacheNote = "one op = 4 KiB pwrite at a random page of a 64 MiB file + fsync (fio --fsync=1)")]
    public void RandomWrite4KiB()
    {
        using var stream = new FileStream(_randomWriteFile, FileMode.Open, FileAccess.Write, FileShare.None, bufferSize: 0);
        var buffer = _block.AsSpan(0, SmallBlock);
        foreach (var offset in _writeOffsets)
        {
            RandomAccess.Write(stream.SafeFileHandle, buffer, offset);
            stream.Flush(flushToDisk: true);
        }
    }

    [Benchmark(OperationsPerInvoke = SmallFiles)]
    [ReportedUnit("ops/s", Better.Higher, OpsPerInvoke = SmallFiles,
        CacheNote = "one op = create + 4 KiB write + close + delete, no fsync: metadata work in the page/dentry cache")]
    public void SmallFileCreateDelete()
    {
        var buffer = _block.AsSpan(0, SmallBlock);
        for (var i = 0; i < SmallFiles; i++)
        {
            var path = Path.Combine(_dir, FormattableString.Invariant($"small-{i}.dat"));
            using (var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write))
            {
                RandomAccess.Write(handle, buffer, 0);
            }

            File.Delete(path);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        System.Runtime.InteropServices.NativeMemory.AlignedFree(_aligned);
        _aligned = null;
        // The shared read file stays for the next read benchmark; the rest is this benchmark's own. Whatever is left
        // (read.dat) goes with the container's layer, or with the harness's scratch folder, deleted after the cell.
        foreach (var file in Directory.EnumerateFiles(_dir).Where(f => !string.Equals(f, _readFile, StringComparison.Ordinal)))
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Same: removed with the layer or the scratch folder.
            }
        }
    }

    private void WriteFile(string path, long bytes)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        for (long offset = 0; offset < bytes; offset += Block)
        {
            RandomAccess.Write(stream.SafeFileHandle, _block, offset);
        }

        stream.Flush(flushToDisk: true);
    }

    /// <summary>Drops the read file's pages, then records how many are still resident before the timed read.</summary>
    private void DropAndCheck(string benchmark)
    {
        DropCache(_readFile);
        if (PageResidency.Measure(_readFile) is { } check)
        {
            PageResidency.Record(benchmark + "@" + Target, check);
        }
    }

    private static void DropCache(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // no per-file equivalent on Windows: the cache note in isobench-units.json says so
        }

        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        Advise(handle, Libc.PosixFadvDontNeed);
    }

    private static void Advise(SafeFileHandle handle, int advice)
    {
        if (OperatingSystem.IsLinux())
        {
            Libc.Fadvise((int)handle.DangerousGetHandle(), advice, advice.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static long[] DistinctPages(long fileBytes, int count, int seed)
    {
        var pages = Enumerable.Range(0, (int)(fileBytes / SmallBlock)).Select(p => (long)p * SmallBlock).ToArray();
        new Random(seed).Shuffle(pages);
        return pages[..count];
    }
}
