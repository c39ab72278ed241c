namespace IsolationBench.Benchmarks.Guest;

/// <summary>The guest's benchmark categories; each is a [BenchmarkCategory] and the samples' workload name.</summary>
public static class GuestCategories
{
    public const string Syscall = "syscall";
    public const string Io = "io";
    public const string Cpu = "cpu";
    public const string Memory = "memory";

    public static readonly IReadOnlyList<string> All = [Syscall, Io, Cpu, Memory];

    public static Type BenchmarkType(string category) => category switch
    {
        Syscall => typeof(Benchmarks.SyscallBenchmarks),
        Io => typeof(Benchmarks.IoBenchmarks),
        Cpu => typeof(Benchmarks.CpuBenchmarks),
        Memory => typeof(Benchmarks.MemoryBenchmarks),
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "unknown category"),
    };
}
