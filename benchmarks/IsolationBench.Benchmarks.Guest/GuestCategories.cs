using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace IsolationBench.Benchmarks.Guest;

/// <summary>The guest's benchmark categories; each is a [BenchmarkCategory] and the samples' workload name.</summary>
public static class GuestCategories
{
    public const string Syscall = "syscall";
    public const string Io = "io";
    public const string Cpu = "cpu";
    public const string Memory = "memory";
    public const string Network = "network";

    public static readonly IReadOnlyList<string> All = [Syscall, Io, Cpu, Memory, Network];

    /// <summary>Every benchmark class; its [BenchmarkCategory] says which category it belongs to.</summary>
    public static readonly IReadOnlyList<Type> BenchmarkClasses =
    [
        typeof(Benchmarks.SyscallBenchmarks),
        typeof(Benchmarks.Windows.WindowsSyscallBenchmarks),
        typeof(Benchmarks.IoBenchmarks),
        typeof(Benchmarks.Windows.WindowsIoBenchmarks),
        typeof(Benchmarks.CpuBenchmarks),
        typeof(Benchmarks.MemoryBenchmarks),
        typeof(Benchmarks.Windows.WindowsMemoryBenchmarks),
        typeof(Benchmarks.NetworkBenchmarks),
    ];

    /// <summary>The classes a category runs on a platform (a class marked for the other OS is left out whole).</summary>
    public static IReadOnlyList<Type> BenchmarkTypes(string category, GuestPlatform platform)
    {
        if (!All.Contains(category))
        {
            throw new ArgumentOutOfRangeException(nameof(category), category, "unknown category");
        }

        return [.. BenchmarkClasses.Where(t => CategoryOf(t) == category && GuestPlatforms.Runs(t, platform))];
    }

    public static string CategoryOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetCustomAttribute<BenchmarkCategoryAttribute>()?.Categories.FirstOrDefault(All.Contains)
            ?? throw new InvalidOperationException($"{type.Name} has no guest [BenchmarkCategory]");
    }
}
