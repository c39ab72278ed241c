using IsolationBench.Benchmarks.Guest.Benchmarks;
using IsolationBench.Benchmarks.Guest.Fio;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

/// <summary>fio's command lines must describe what IoBenchmarks does, or the cross-check compares different things.</summary>
public sealed class FioJobsTests
{
    private static FioRun Run(string name) => FioJobs.For("/work/layer", warmups: 1, iterations: 3).Single(r => r.Name == name);

    [Fact]
    public void SequentialWriteMatchesOurs()
    {
        var run = Run("SequentialWrite1MiB@layer");

        Assert.Subset(
            run.Arguments.ToHashSet(),
            new HashSet<string>
            {
                "--output-format=json", "--directory=/work/layer/isobench-fio", "--ioengine=psync", "--direct=0",
                "--rw=write", "--bs=1048576", "--size=268435456", "--end_fsync=1", "--fallocate=none", "--unlink=1",
            });
        Assert.Equal(IoBenchmarks.SequentialBytes, 268435456);
    }

    [Fact]
    public void RandomReadMatchesOurs()
    {
        var run = Run("RandomRead4KiB@layer");

        Assert.Subset(
            run.Arguments.ToHashSet(),
            new HashSet<string>
            {
                "--rw=randread", "--bs=4096", "--size=268435456", "--number_ios=4096", "--invalidate=1",
                "--fadvise_hint=random", "--ioengine=psync", "--direct=0",
            });
        Assert.DoesNotContain(run.Arguments, a => a.StartsWith("--norandommap", StringComparison.Ordinal));
    }

    [Fact]
    public void WarmupsThenOneSerialJobPerIterationNamedLikeOurMetric()
    {
        foreach (var run in FioJobs.For("/l", warmups: 1, iterations: 3))
        {
            Assert.Equal(
                ["--name=warmup." + run.Name, "--name=" + run.Name, "--name=" + run.Name, "--name=" + run.Name],
                run.Arguments.Where(a => a.StartsWith("--name=", StringComparison.Ordinal)));
            Assert.Equal(4, run.Arguments.Count(a => a == "--stonewall"));
        }

        Assert.Equal(["SequentialWrite1MiB@layer", "RandomRead4KiB@layer", "RandomRead4KiBDirect@layer"], FioJobs.For("/l", 0, 1).Select(r => r.Name));
        Assert.Equal(FioJobs.WarmupPrefix, Results.BenchmarkDotNet.FioReportConverter.WarmupPrefix);
    }
}
