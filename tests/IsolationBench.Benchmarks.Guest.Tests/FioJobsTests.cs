using IsolationBench.Benchmarks.Guest.Benchmarks;
using IsolationBench.Benchmarks.Guest.Fio;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

/// <summary>fio's command lines must describe what IoBenchmarks does, or the cross-check compares different things.</summary>
public sealed class FioJobsTests
{
    private static FioRun Run(string name) => FioJobs.For("/work/layer").Single(r => r.Name == name);

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
        Assert.DoesNotContain(run.Arguments, a => a.StartsWith("--randrepeat", StringComparison.Ordinal)); // sequential: no offsets to draw
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
                "--fadvise_hint=random", "--ioengine=psync", "--direct=0", "--randrepeat=0",
            });
        Assert.DoesNotContain(run.Arguments, a => a.StartsWith("--norandommap", StringComparison.Ordinal));
    }

    [Fact]
    public void OneJobNamedLikeOurMetricWithItsOptionsGlobalBeforeTheName()
    {
        foreach (var run in FioJobs.For("/l"))
        {
            // Options before --name are global in fio: the job gets every one of them.
            Assert.Equal("--name=" + run.Name, run.Arguments[^1]);
            Assert.Single(run.Arguments, a => a.StartsWith("--name=", StringComparison.Ordinal));
        }

        Assert.Equal(["SequentialWrite1MiB@layer", "RandomRead4KiB@layer", "RandomRead4KiBDirect@layer"], FioJobs.For("/l").Select(r => r.Name));
    }
}
