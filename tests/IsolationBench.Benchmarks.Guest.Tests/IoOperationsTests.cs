using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using IsolationBench.Benchmarks.Guest.Benchmarks;
using IsolationBench.Benchmarks.Guest.Fio;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

/// <summary>
/// Ours and fio's must be the same operation: both sides are held to the one definition in <see cref="IoOperations"/>,
/// so a change to either (a block size in fio's arguments, an OperationsPerInvoke in ours) fails here.
/// </summary>
public sealed class IoOperationsTests
{
    public static TheoryData<string> Refereed => [.. IoOperations.Refereed.Select(o => o.Benchmark)];

    [Theory]
    [MemberData(nameof(Refereed))]
    public void FioJobAndOurBenchmarkAreTheSameOperation(string benchmark)
    {
        var operation = IoOperations.Refereed.Single(o => o.Benchmark == benchmark);
        var run = FioJobs.For("/work/layer").Single(r => r.Name == benchmark + "@layer");
        var fio = Options(run.Arguments);

        // fio's side, option by option, from the definition.
        Assert.Equal(operation.FioRw, fio["--rw"]);
        Assert.Equal(operation.BlockBytes, long.Parse(fio["--bs"], CultureInfo.InvariantCulture));
        Assert.Equal(operation.FileBytes, long.Parse(fio["--size"], CultureInfo.InvariantCulture));
        Assert.Equal(operation.Operations == 0 ? null : operation.Operations.ToString(CultureInfo.InvariantCulture), fio.GetValueOrDefault("--number_ios"));
        Assert.Equal(operation.Direct ? "1" : "0", fio["--direct"]);
        Assert.Equal(("psync", "1"), (fio["--ioengine"], fio["--iodepth"]));
        Assert.Equal(operation.Fsync == FsyncPolicy.AtEnd ? "1" : null, fio.GetValueOrDefault("--end_fsync"));
        Assert.Equal(operation.Fsync == FsyncPolicy.EveryWrite ? "1" : null, fio.GetValueOrDefault("--fsync"));
        Assert.Equal(operation.DropCacheBefore ? "1" : null, fio.GetValueOrDefault("--invalidate"));
        Assert.Equal(operation.RandomHint ? "random" : "0", fio["--fadvise_hint"]);

        // Our side: the benchmark exists, does as many operations per invocation, and moves the same bytes.
        var method = typeof(IoBenchmarks).GetMethod(benchmark) ?? throw new Xunit.Sdk.XunitException(benchmark + " is not on IoBenchmarks");
        var bdn = method.GetCustomAttribute<BenchmarkAttribute>()!;
        var unit = method.GetCustomAttribute<ReportedUnitAttribute>()!;
        Assert.Equal(operation.Operations == 0 ? 1 : operation.Operations, bdn.OperationsPerInvoke);
        Assert.Equal(operation.Operations == 0 ? 1 : operation.Operations, unit.OpsPerInvoke);
        if (unit.Unit == "MB/s")
        {
            Assert.Equal(operation.FileBytes, unit.BytesPerOp);
        }
        else
        {
            Assert.Equal("ops/s", unit.Unit);
        }
    }

    [Fact]
    public void EveryReadBenchmarkOfOursThatDropsTheCacheIsRefereedOrSaysWhyNot()
    {
        // The sequential read has no fio job on purpose (readahead sizes differ between ours and fio's psync); every
        // other drop-then-read benchmark must be refereed.
        var reads = typeof(IoBenchmarks).GetMethods()
            .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null && m.Name.Contains("Read", StringComparison.Ordinal))
            .Select(m => m.Name)
            .Where(n => n != nameof(IoBenchmarks.SequentialRead1MiB));
        Assert.All(reads, r => Assert.Contains(IoOperations.Refereed, o => o.Benchmark == r));
    }

    private static Dictionary<string, string> Options(IReadOnlyList<string> arguments) =>
        arguments.Where(a => a.Contains('=', StringComparison.Ordinal) && !a.StartsWith("--name=", StringComparison.Ordinal))
            .Select(a => a.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    [Fact]
    public void Every_io_benchmark_has_exactly_one_global_setup_and_only_the_readers_write_the_read_file()
    {
        // BDN runs the GlobalSetup that targets a benchmark (or an untargeted one): a benchmark with none would run
        // without its files, one with two would write 256 MiB twice.
        var setups = typeof(IoBenchmarks).GetMethods()
            .Select(m => (Method: m.Name, Attribute: m.GetCustomAttribute<GlobalSetupAttribute>()))
            .Where(s => s.Attribute is not null)
            .ToList();
        Assert.All(setups, s => Assert.NotEmpty(s.Attribute!.Targets));

        var benchmarks = typeof(IoBenchmarks).GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).Select(m => m.Name);
        foreach (var benchmark in benchmarks)
        {
            var mine = setups.Where(s => s.Attribute!.Targets.Contains(benchmark)).Select(s => s.Method).ToList();
            Assert.True(mine.Count == 1, $"{benchmark} has {mine.Count} global setups: {string.Join(", ", mine)}");
            var reads = benchmark is nameof(IoBenchmarks.SequentialRead1MiB) or nameof(IoBenchmarks.RandomRead4KiB) or nameof(IoBenchmarks.RandomRead4KiBDirect);
            Assert.Equal(reads, mine[0] == nameof(IoBenchmarks.SetupReads));
        }
    }
}
