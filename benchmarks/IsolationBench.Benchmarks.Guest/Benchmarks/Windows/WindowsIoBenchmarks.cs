using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using BenchmarkDotNet.Attributes;
using IsolationBench.Benchmarks.Guest.Native;

namespace IsolationBench.Benchmarks.Guest.Benchmarks.Windows;

/// <summary>
/// The Windows reads of the io category. Windows has no per-file cache drop like posix_fadvise(DONTNEED), so
/// instead of dropping the cache these read with FILE_FLAG_NO_BUFFERING: the cache manager is bypassed and every
/// read goes to the device (or to whatever caches below the guest, e.g. a utility VM's virtual disk on the host).
/// Unbuffered I/O needs sector-aligned buffers, sizes and offsets: 4 KiB alignment covers 512 B and 4 Kn sectors.
/// Same names, sizes and units as <see cref="IoBenchmarks"/>' Linux reads, so the report lines them up.
/// The writes and small-file work run from <see cref="IoBenchmarks"/> on both OSes.
/// </summary>
[BenchmarkCategory(GuestCategories.Io)]
[WindowsOnly]
[SupportedOSPlatform("windows")]
public unsafe class WindowsIoBenchmarks
{
    private const nuint Alignment = 4096;
    private const string UnbufferedNote = "FILE_FLAG_NO_BUFFERING (sector-aligned buffer): no system cache, reads come from the device";

    private string _dir = string.Empty;
    private char* _readPath;
    private byte* _buffer;
    private long[] _readOffsets = [];
    private int _readDraw;

    [ParamsSource(nameof(Targets))]
    public string Target { get; set; } = IoTargets.Layer;

    public static IEnumerable<string> Targets => IoBenchmarks.Targets;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(GuestSettings.DirectoryFor(Target), "isobench-io-windows");
        Directory.CreateDirectory(_dir);
        var block = new byte[IoBenchmarks.Block];
        new Random(42).NextBytes(block);
        var readFile = Path.Combine(_dir, "read.dat");
        using (var stream = new FileStream(readFile, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            for (long offset = 0; offset < IoBenchmarks.SequentialBytes; offset += block.Length)
            {
                RandomAccess.Write(stream.SafeFileHandle, block, offset);
            }

            stream.Flush(flushToDisk: true);
        }

        _readPath = Kernel32.AllocPath(readFile);
        _buffer = (byte*)NativeMemory.AlignedAlloc((nuint)IoBenchmarks.Block, Alignment);
    }

    /// <summary>New pages every iteration, as the Linux read and fio do: nothing below the guest warms up on a fixed set.</summary>
    [IterationSetup(Target = nameof(RandomRead4KiB))]
    public void DrawPages()
    {
        var pages = Enumerable.Range(0, (int)(IoBenchmarks.SequentialBytes / IoBenchmarks.SmallBlock)).Select(p => (long)p * IoBenchmarks.SmallBlock).ToArray();
        new Random(++_readDraw).Shuffle(pages);
        _readOffsets = pages[..IoBenchmarks.RandomReads];
    }

    [Benchmark]
    [ReportedUnit("MB/s", Better.Higher, BytesPerOp = IoBenchmarks.SequentialBytes, CacheNote = "256 MiB in 1 MiB unbuffered ReadFile calls; " + UnbufferedNote)]
    public long SequentialRead1MiB()
    {
        var handle = OpenUnbuffered(Kernel32.FileFlagSequentialScan);
        try
        {
            long total = 0;
            uint read;
            do
            {
                var at = Win32Overlapped.At(total);
                Kernel32.Check(Kernel32.ReadFile(handle, _buffer, IoBenchmarks.Block, &read, &at) != 0, "ReadFile");
                total += read;
            }
            while (read > 0 && total < IoBenchmarks.SequentialBytes);

            return total;
        }
        finally
        {
            _ = Kernel32.CloseHandle(handle);
        }
    }

    [Benchmark(OperationsPerInvoke = IoBenchmarks.RandomReads)]
    [ReportedUnit("ops/s", Better.Higher, OpsPerInvoke = IoBenchmarks.RandomReads,
        CacheNote = "4096 distinct random 4 KiB pages of a 256 MiB file, new pages each iteration; " + UnbufferedNote)]
    public long RandomRead4KiB()
    {
        var handle = OpenUnbuffered(Kernel32.FileFlagRandomAccess);
        try
        {
            long total = 0;
            uint read;
            foreach (var offset in _readOffsets)
            {
                var at = Win32Overlapped.At(offset);
                Kernel32.ReadFile(handle, _buffer, IoBenchmarks.SmallBlock, &read, &at);
                total += read;
            }

            return total;
        }
        finally
        {
            _ = Kernel32.CloseHandle(handle);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        NativeMemory.Free(_readPath);
        NativeMemory.AlignedFree(_buffer);
        _readPath = null;
        _buffer = null;
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in a container layer vanish with the container; on the host the next run overwrites them.
        }
    }

    private nint OpenUnbuffered(uint hint)
    {
        var handle = Kernel32.CreateFile(_readPath, Kernel32.GenericRead, Kernel32.FileShareRead, null, Kernel32.OpenExisting,
            Kernel32.FileFlagNoBuffering | hint, 0);
        Kernel32.Check(handle != Kernel32.InvalidHandle, "CreateFile (unbuffered)");
        return handle;
    }
}
