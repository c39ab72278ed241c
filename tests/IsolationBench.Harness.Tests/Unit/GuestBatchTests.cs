using IsolationBench.Workloads.Guest;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;
using IsolationBench.Results.BenchmarkDotNet;

namespace IsolationBench.Harness.Tests.Unit;

/// <summary>Guest categories of a round share one process or container: each still gets its own samples and failure.</summary>
public sealed class GuestBatchTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("isobench-batch").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_batched_cell_runs_its_category_and_the_ones_after_it()
    {
        var cell = new MatrixCell(1, false, "io", IsolationMode.Host) { Batch = "syscall,io,cpu" };

        Assert.Equal(["io", "cpu"], GuestExecutor.CategoriesFrom(cell));
        Assert.Equal(["cpu"], GuestExecutor.CategoriesFrom(cell with { Workload = "cpu" }));
        Assert.Equal(["memory"], GuestExecutor.CategoriesFrom(new MatrixCell(1, false, "memory", IsolationMode.Host)));
        var args = new GuestExecutor(null, "img", windowsContainers: false, "/g", "quick", "/s").Arguments(cell, "/a", "/l", "/v");
        Assert.Equal("io,cpu", args[args.IndexOf("--category") + 1]);
        Assert.Contains("--fio", args);
    }

    [Fact]
    public void Fio_referees_io_only_where_the_report_can_judge_io()
    {
        Assert.Equal(IsolationBench.Reporting.Statistics.Significance.MinUnits, FioReferee.MinimumContainers);
        Assert.False(FioReferee.Runs(3));
        Assert.True(FioReferee.Runs(5));
        var cell = new MatrixCell(1, false, "syscall", IsolationMode.Host) { Batch = "syscall,io" };
        var quick = new GuestExecutor(null, "img", windowsContainers: false, "/g", "quick", "/s") { RunsFio = false };

        Assert.DoesNotContain("--fio", quick.Arguments(cell, "/a", "/l", "/v"));
        Assert.False(FioReferee.Runs(new RunOptions { Profile = "quick" }));
        Assert.True(FioReferee.Runs(new RunOptions { Profile = "quick", Fio = true }));
        Assert.True(FioReferee.Runs(new RunOptions { Profile = "default" }));
        Assert.False(FioReferee.Runs(new RunOptions { Profile = "default", GuestRounds = 4 }));
    }

    [Fact]
    public void Iperf3_runs_beside_the_network_category_on_the_round_s_side_and_never_in_windows_containers()
    {
        var odd = new MatrixCell(1, false, "cpu", IsolationMode.Host) { Batch = "cpu,network" };
        var linux = new GuestExecutor(null, "img", windowsContainers: false, "/g", "quick", "/s");

        var args = linux.Arguments(odd, "/a", "/l", "/v");
        Assert.Equal("before", args[args.IndexOf("--iperf3") + 1]);
        var even = linux.Arguments(odd with { Round = 2 }, "/a", "/l", "/v");
        Assert.Equal("after", even[even.IndexOf("--iperf3") + 1]);
        Assert.DoesNotContain("--iperf3", linux.Arguments(odd with { Batch = "cpu,memory" }, "/a", "/l", "/v"));
        Assert.DoesNotContain("--iperf3", new GuestExecutor(null, "img", windowsContainers: true, "/g", "quick", "/s").Arguments(odd, "/a", "/l", "/v"));
        Assert.DoesNotContain("--iperf3", new GuestExecutor(null, "img", windowsContainers: false, "/g", "quick", "/s") { RunsIperf3 = false }.Arguments(odd, "/a", "/l", "/v"));
    }

    [Fact]
    public void A_clean_exit_means_every_category_ran_and_after_a_failure_unrecorded_ones_carry_it()
    {
        var categories = new[] { "syscall", "io", "cpu" };

        Assert.All(GuestCategoryOutcomes.Of(null, categories, null).Values, Assert.Null);
        var failed = GuestCategoryOutcomes.Of("exit code 1: boom", categories, GuestCategoryOutcomes.Parse("""{"syscall":null,"io":"io (validation)"}"""));
        Assert.Null(failed["syscall"]);
        Assert.Equal("io (validation)", failed["io"]);
        Assert.Equal("exit code 1: boom", failed["cpu"]);
        Assert.All(GuestCategoryOutcomes.Of("timeout", categories, null).Values, v => Assert.Equal("timeout", v));
        Assert.Throws<FormatException>(() => GuestCategoryOutcomes.Parse("[1,2]"));
    }

    [SkippableFact]
    public async Task One_process_for_a_batch_gives_each_cell_its_own_samples_and_only_the_failed_category_fails()
    {
        Skip.If(OperatingSystem.IsWindows(), "the stand-in guest is a POSIX shell script");
        // A stand-in for isobench-guest: writes real BDN output of the cpu category, records io as failed, exits 1.
        var fixtures = Path.Combine(AppContext.BaseDirectory, "GuestFixtures");
        var guest = Path.Combine(_root, "guest.sh");
        File.WriteAllText(guest, $$"""
            #!/bin/sh
            while [ "$1" != "--artifacts" ]; do shift; done
            mkdir -p "$2/results"
            cp "{{fixtures}}/cpu-report-full.json" "$2/results/IsolationBench.Benchmarks.Guest.Benchmarks.CpuBenchmarks.part01-report-full.json"
            cp "{{fixtures}}/isobench-units.json" "$2/"
            echo '{"cpu":null,"io":"io (validation)"}' > "$2/categories.json"
            echo "isobench-guest: failed: io (validation)" >&2
            exit 1
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(guest, (UnixFileMode)0b111_101_101);
        }

        var executor = new GuestExecutor(null, null, windowsContainers: false, guest, "quick", Path.Combine(_root, "scratch"));
        var context = new RunContext("batch", new RunDirectory(Path.Combine(_root, "run")), new Dictionary<string, string>());
        var cpu = new MatrixCell(2, false, "cpu", IsolationMode.Host) { Batch = "cpu,io,memory" };

        var first = await executor.ExecuteAsync(cpu, context, CancellationToken.None);
        var io = await executor.ExecuteAsync(cpu with { Workload = "io" }, context, CancellationToken.None);
        var memory = await executor.ExecuteAsync(cpu with { Workload = "memory" }, context, CancellationToken.None);

        Assert.Null(first.Failure);
        Assert.NotEmpty(first.Samples);
        Assert.All(first.Samples, s => Assert.Equal(("cpu", 2, "host", SampleStatus.Ok), (s.Workload, s.Round, s.Mode, s.Status)));
        Assert.Equal("io (validation)", io.Failure);
        Assert.Equal("io", Assert.Single(io.Samples).Workload);
        Assert.StartsWith("exit code 1", memory.Failure, StringComparison.Ordinal);
        Assert.Equal("memory", Assert.Single(memory.Samples).Workload);
        // One process: every cell names the same source, and the artifacts sit in one folder named by the batch.
        Assert.Single(new[] { first, io, memory }.Select(r => r.Source).Distinct());
        Assert.True(File.Exists(Path.Combine(_root, "run", "artifacts", "host", "r2", "cpu+io+memory", "categories.json")));
    }
}
