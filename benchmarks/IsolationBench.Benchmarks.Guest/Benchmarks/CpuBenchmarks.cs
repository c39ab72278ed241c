using BenchmarkDotNet.Attributes;

namespace IsolationBench.Benchmarks.Guest.Benchmarks;

/// <summary>
/// The control: pure computation, no system calls, no allocation, cache-resident. No isolation mode should
/// change it; a container/host ratio outside [0.95, 1.05] means the machine was noisy, not the cage.
/// </summary>
[BenchmarkCategory(GuestCategories.Cpu)]
public class CpuBenchmarks
{
    private const int Steps = 1 << 16;
    private ulong _seed = 0x9E3779B97F4A7C15;

    [Benchmark(OperationsPerInvoke = Steps)]
    [ReportedUnit("ns/op", Better.Lower, OpsPerInvoke = Steps, CacheNote = "registers only; one op = one LCG + xorshift-multiply mixing step")]
    public ulong IntegerMix()
    {
        var x = _seed;
        ulong acc = 0;
        for (var i = 0; i < Steps; i++)
        {
            // A dependent chain (each step needs the last), so the figure is latency-bound and cannot be vectorised away.
            x = (x * 6364136223846793005UL) + 1442695040888963407UL;
            var z = x ^ (x >> 29);
            z *= 0xBF58476D1CE4E5B9UL;
            acc += z ^ (z >> 32);
        }

        _seed = x;
        return acc;
    }
}
