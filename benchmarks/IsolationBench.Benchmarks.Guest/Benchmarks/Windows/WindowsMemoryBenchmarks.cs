using System.Runtime.Versioning;
using BenchmarkDotNet.Attributes;
using IsolationBench.Benchmarks.Guest.Native;

namespace IsolationBench.Benchmarks.Guest.Benchmarks.Windows;

/// <summary>
/// The Windows page-fault benchmark, the counterpart of <see cref="MemoryBenchmarks.TouchFreshPages"/>: a fresh
/// VirtualAlloc region (demand-zero pages, never a recycled heap block) touched once per page, then released
/// with VirtualFree. Same name and unit as the Linux one; the copy benchmark runs from <see cref="MemoryBenchmarks"/>.
/// </summary>
[BenchmarkCategory(GuestCategories.Memory)]
[WindowsOnly]
[SupportedOSPlatform("windows")]
public unsafe class WindowsMemoryBenchmarks
{
    private const int PageSize = 4096;
    private const nuint FaultRegion = 64 << 20;
    private const int FaultPages = (int)(FaultRegion / PageSize);

    [Benchmark(OperationsPerInvoke = FaultPages)]
    [ReportedUnit("ns/op", Better.Lower, OpsPerInvoke = FaultPages,
        CacheNote = "one op = first touch of one fresh 4 KiB page (demand-zero fault) in a fresh 64 MiB VirtualAlloc region (no large pages)")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet calls benchmarks on an instance")]
    public long TouchFreshPages()
    {
        var region = (byte*)Kernel32.VirtualAlloc(null, FaultRegion, Kernel32.MemReserve | Kernel32.MemCommit, Kernel32.PageReadWrite);
        Kernel32.Check(region is not null, "VirtualAlloc");
        long sum = 0;
        for (nuint offset = 0; offset < FaultRegion; offset += PageSize)
        {
            region[offset] = 1;
            sum += region[offset];
        }

        Kernel32.Check(Kernel32.VirtualFree(region, 0, Kernel32.MemRelease) != 0, "VirtualFree");
        return sum;
    }
}
