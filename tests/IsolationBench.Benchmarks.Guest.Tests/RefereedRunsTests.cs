using IsolationBench.Benchmarks.Guest.Benchmarks;
using IsolationBench.Benchmarks.Guest.Fio;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

/// <summary>
/// fio's job for an operation runs right beside our benchmark of it: the io run must split around each refereed
/// operation, keep BenchmarkDotNet's order and lose no case.
/// </summary>
public sealed class RefereedRunsTests
{
    private static GuestOptions Io() =>
        GuestArguments.Parse(["--category", "io", "--profile", "default", "--artifacts", Path.GetTempPath(), "--fio"]);

    [Fact]
    public void Each_refereed_operation_on_the_layer_is_a_run_of_its_own_and_the_cases_between_stay_together_in_order()
    {
        var run = Assert.Single(GuestDiscovery.For(Io(), GuestCategories.Io, GuestPlatform.Linux));

        var parts = RefereedRuns.Split(run);

        Assert.Equal(run.BenchmarksCases, parts.SelectMany(p => p.Run.BenchmarksCases));
        Assert.All(parts.Where(p => p.Refereed is not null), p => Assert.Equal(p.Refereed!.Benchmark, Assert.Single(p.Run.BenchmarksCases).Descriptor.WorkloadMethod.Name));
        Assert.Equal(IoOperations.Refereed, parts.Where(p => p.Refereed is not null).Select(p => p.Refereed!));
        Assert.All(parts.Where(p => p.Refereed is null).SelectMany(p => p.Run.BenchmarksCases), c => Assert.Null(RefereedRuns.Of(c)));
        Assert.DoesNotContain(parts, p => p.Run.BenchmarksCases.Length == 0);
    }

    [Fact]
    public void A_category_fio_does_not_referee_is_one_part()
    {
        var run = Assert.Single(GuestDiscovery.For(Io() with { Categories = [GuestCategories.Cpu] }, GuestCategories.Cpu, GuestPlatform.Linux));

        var part = Assert.Single(RefereedRuns.Split(run));

        Assert.Null(part.Refereed);
        Assert.Equal(run.BenchmarksCases, part.Run.BenchmarksCases);
    }

    [Fact]
    public void Fio_random_reads_read_our_read_file_and_its_writes_stay_in_its_own_folder()
    {
        Assert.Equal(Path.Combine("/work/layer", IoBenchmarks.SubDirectory), FioJobs.DirectoryOf(IoOperations.RandomRead, "/work/layer"));
        Assert.Equal(IoBenchmarks.ReadFileName, FioJobs.FileName(IoOperations.RandomReadDirect));
        Assert.Equal(Path.Combine("/work/layer", FioJobs.SubDirectory), FioJobs.DirectoryOf(IoOperations.SequentialWrite, "/work/layer"));
        Assert.Contains("--directory=/work/layer/isobench-io", FioJobs.For(IoOperations.RandomRead, "/work/layer").Arguments);
        Assert.DoesNotContain(FioJobs.For(IoOperations.RandomRead, "/work/layer").Arguments, a => a.StartsWith("--unlink", StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_of_successive_runs_of_one_class_are_kept_apart_and_a_renamed_one_is_not_renamed_again()
    {
        var artifacts = Directory.CreateTempSubdirectory("isobench-parts").FullName;
        var results = Directory.CreateDirectory(Path.Combine(artifacts, "results")).FullName;
        try
        {
            File.WriteAllText(Path.Combine(results, "X.IoBenchmarks-report-full.json"), "1");
            BdnReportFiles.KeepApart(artifacts, 1);
            File.WriteAllText(Path.Combine(results, "X.IoBenchmarks-report-full.json"), "2");
            BdnReportFiles.KeepApart(artifacts, 2);

            Assert.Equal(
                ["X.IoBenchmarks.part01-report-full.json", "X.IoBenchmarks.part02-report-full.json"],
                Directory.GetFiles(results).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal("1", File.ReadAllText(Path.Combine(results, "X.IoBenchmarks.part01-report-full.json")));
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }
}
