using IsolationBench.Benchmarks.Guest.Benchmarks;
using IsolationBench.Benchmarks.Guest.Fio;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

/// <summary>fio's read jobs interleaved with our iterations: which operations, how many pairs, which jobs are samples.</summary>
public sealed class FioInterleaveTests
{
    [Theory]
    [InlineData(1, FioInterleave.Pairs)]
    [InlineData(FioInterleave.Pairs - 1, FioInterleave.Pairs)]
    [InlineData(FioInterleave.Pairs + 2, FioInterleave.Pairs + 2)]
    public void An_interleaved_read_measures_the_profiles_iterations_and_at_least_the_pairs(int profile, int expected) =>
        Assert.Equal(expected, FioInterleave.IterationsFor(profile));

    [Fact]
    public void Fio_goes_after_our_odd_iterations_and_before_our_even_ones_so_the_measured_pairs_alternate_order()
    {
        Assert.Equal([false, true, false, true, false, true, false], Enumerable.Range(1, 7).Select(FioInterleave.RunsBefore));

        // Whatever the warmups before them (BenchmarkDotNet's: 1 in the default profile), the measured pairs split evenly.
        foreach (var warmups in new[] { 0, 1, 2 })
        {
            var measured = Enumerable.Range(warmups + 1, FioInterleave.Pairs).Count(FioInterleave.RunsBefore);
            Assert.Equal(FioInterleave.Pairs / 2, measured);
        }
    }

    [Fact]
    public void The_jobs_after_our_measured_iterations_are_the_samples_and_the_ones_after_warmups_are_not()
    {
        string[] files = ["/f/R@layer.interleaved-03.json", "/f/R@layer.interleaved-01.json", "/f/R@layer.interleaved-04.json", "/f/R@layer.interleaved-02.json"];

        var (warmups, measured) = FioInterleave.Split(files, jobs: 4, measured: 3);

        Assert.Equal(["/f/R@layer.interleaved-01.json"], warmups);
        Assert.Equal(["/f/R@layer.interleaved-02.json", "/f/R@layer.interleaved-03.json", "/f/R@layer.interleaved-04.json"], measured);
    }

    [Fact]
    public void A_failed_job_leaves_a_gap_and_does_not_move_a_warmup_into_the_samples()
    {
        // Job 3 failed (no JSON): by position the warmup (job 1) would have become the first of three samples.
        string[] files = ["/f/R@layer.interleaved-01.json", "/f/R@layer.interleaved-02.json", "/f/R@layer.interleaved-04.json"];

        var (warmups, measured) = FioInterleave.Split(files, jobs: 4, measured: 3);

        Assert.Equal(["/f/R@layer.interleaved-01.json"], warmups);
        Assert.Equal(["/f/R@layer.interleaved-02.json", "/f/R@layer.interleaved-04.json"], measured);
    }

    [Fact]
    public void Ten_jobs_sort_by_number_not_by_text()
    {
        var files = Enumerable.Range(1, 11).Select(i => $"/f/R@layer.interleaved-{i:D2}.json").Reverse();

        var (warmups, measured) = FioInterleave.Split(files, jobs: 11, measured: 10);

        Assert.Equal(["/f/R@layer.interleaved-01.json"], warmups);
        Assert.Equal("/f/R@layer.interleaved-11.json", measured[^1]);
    }

    [Fact]
    public void A_file_that_is_not_an_interleaved_job_is_refused_with_its_name() =>
        Assert.Contains("/f/R@layer.before.json", Assert.Throws<ArgumentException>(() => FioInterleave.Split(["/f/R@layer.before.json"], 1, 1)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_refereed_read_runs_with_the_pairs_as_its_iterations_and_nothing_else_changes()
    {
        var options = GuestArguments.Parse(["--category", "io", "--profile", "default", "--artifacts", Path.GetTempPath(), "--fio"]);
        var read = RefereedRuns.Split(Assert.Single(GuestDiscovery.For(options, GuestCategories.Io, GuestPlatform.Linux)))
            .Single(p => p.Refereed == IoOperations.RandomRead).Run;

        var interleaved = RefereedRuns.WithIterations(read, FioInterleave.Pairs);

        var before = Assert.Single(read.BenchmarksCases);
        var after = Assert.Single(interleaved.BenchmarksCases);
        Assert.Equal(1, before.Job.Run.IterationCount);
        Assert.Equal(FioInterleave.Pairs, after.Job.Run.IterationCount);
        Assert.Equal((before.Descriptor, before.Parameters.DisplayInfo), (after.Descriptor, after.Parameters.DisplayInfo));
        Assert.Equal((before.Job.Run.WarmupCount, before.Job.Run.RunStrategy, before.Job.Run.InvocationCount), (after.Job.Run.WarmupCount, after.Job.Run.RunStrategy, after.Job.Run.InvocationCount));
    }

    [Fact]
    public void A_kept_jobs_name_gives_the_converter_the_iteration_it_followed()
    {
        var name = FioInterleave.FileName(IoOperations.RandomRead, 3);

        Assert.Equal("RandomRead4KiB@layer.interleaved-03.json", name);
        Assert.Equal(3, IsolationBench.Workloads.Guest.FioReportConverter.InterleavedIteration("/a/fio/" + name));
        Assert.Null(IsolationBench.Workloads.Guest.FioReportConverter.InterleavedIteration("/a/fio/RandomRead4KiB@layer.before.json"));
    }

    [Fact]
    public void Interleaved_jobs_become_samples_numbered_by_the_iteration_they_followed_so_a_failed_one_leaves_a_gap()
    {
        var fio = Directory.CreateDirectory(Path.Combine(Directory.CreateTempSubdirectory("isobench-interleave").FullName, "fio")).FullName;
        // An interleaved file holds one job: the captured report with its first measured job alone.
        var report = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fio-RandomRead4KiB.json")))!;
        var first = report["jobs"]![1]!.DeepClone();
        report["jobs"] = new System.Text.Json.Nodes.JsonArray(first);
        var job = report.ToJsonString();
        File.WriteAllText(Path.Combine(fio, FioInterleave.FileName(IoOperations.RandomRead, 1)), job);
        File.WriteAllText(Path.Combine(fio, FioInterleave.FileName(IoOperations.RandomRead, 3)), job); // job after iteration 2 failed

        var samples = IsolationBench.Workloads.Guest.FioReportConverter.ConvertArtifacts(
            Path.GetDirectoryName(fio)!, new Results.BenchmarkDotNet.GuestSampleContext("r", 1, "runc", "abc", DateTimeOffset.UnixEpoch));

        Assert.Equal([1, 3], samples.Select(s => s.Iteration));
        Assert.All(samples, s => Assert.Equal("fio.RandomRead4KiB@layer", s.Metric));
    }
}
