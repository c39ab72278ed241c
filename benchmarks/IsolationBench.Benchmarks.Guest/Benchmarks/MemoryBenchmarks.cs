using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using IsolationBench.Benchmarks.Guest.Native;

namespace IsolationBench.Benchmarks.Guest.Benchmarks;

/// <summary>
/// Page faults (a sandbox that manages guest memory itself, like gVisor or a VM, pays per fault) and raw
/// memory bandwidth (should not change: a second control next to the cpu category).
/// </summary>
[BenchmarkCategory(GuestCategories.Memory)]
public unsafe class MemoryBenchmarks
{
    private const int PageSize = 4096;
    private const nuint FaultRegion = 64 << 20;
    private const int FaultPages = (int)(FaultRegion / PageSize);
    private const long CopyBytes = 256L << 20;

    private byte* _source;
    private byte* _destination;

    [GlobalSetup]
    public void Setup()
    {
        _source = (byte*)NativeMemory.AlignedAlloc((nuint)CopyBytes, PageSize);
        _destination = (byte*)NativeMemory.AlignedAlloc((nuint)CopyBytes, PageSize);
        // Fault both buffers in now, so the copy measures bandwidth, not first-touch faults.
        new Span<byte>(_source, (int)CopyBytes).Fill(0x5A);
        CopyOnce();
    }

    [Benchmark(OperationsPerInvoke = FaultPages)]
    [LinuxOnly] // Windows: Windows/WindowsMemoryBenchmarks.cs (VirtualAlloc)
    [ReportedUnit("ns/op", Better.Lower, OpsPerInvoke = FaultPages,
        CacheNote = "one op = first touch of one fresh 4 KiB page (fault + zeroing) in a fresh 64 MiB mmap; THP disabled on it via madvise")]
    public long TouchFreshPages()
    {
        var region = (byte*)Libc.Mmap(null, FaultRegion, Libc.ProtRead | Libc.ProtWrite, Libc.MapPrivate | Libc.MapAnonymous, -1, 0);
        // Huge pages would turn 16384 faults into 32 and make the figure depend on the host's THP setting.
        _ = Libc.Madvise(region, FaultRegion, Libc.MadvNoHugePage); // advisory: a kernel without THP refuses, harmlessly
        long sum = 0;
        for (nuint offset = 0; offset < FaultRegion; offset += PageSize)
        {
            region[offset] = 1;
            sum += region[offset];
        }

        _ = Libc.Munmap(region, FaultRegion);
        return sum;
    }

    [Benchmark]
    [ReportedUnit("MB/s", Better.Higher, BytesPerOp = CopyBytes,
        CacheNote = "256 MiB memcpy between two pre-faulted buffers: far larger than any CPU cache, so DRAM bandwidth")]
    public void LargeCopy() => CopyOnce();

    private void CopyOnce() => Buffer.MemoryCopy(_source, _destination, CopyBytes, CopyBytes);

    [GlobalCleanup]
    public void Cleanup()
    {
        NativeMemory.AlignedFree(_source);
        NativeMemory.AlignedFree(_destination);
        _source = null;
        _destination = null;
    }
}
