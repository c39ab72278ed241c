using System.Globalization;
using IsolationBench.Results;

namespace IsolationBench.Cli.Tests;

public sealed class CompareCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("isobench-compare-").FullName;

    /// <summary>host ~15 ms and runc ~<paramref name="runc"/> ms startup (±<paramref name="spread"/> relative), plus a CPU control.</summary>
    /// <param name="crun">also a crun startup series (~280 ms).</param>
    /// <param name="failedRunc">how many of the 25 runc startups failed (the last ones): NaN rows, status failed.</param>
    private static string Samples(double runc, double spread, double cpuRatio = 1.0, int seed = 1, bool crun = false, int failedRunc = 0)
    {
        var random = new Random(seed);
        var lines = new List<string> { "run_id,round,mode,workload,metric,unit,value,status,iteration,source" };
        for (var r = 1; r <= 25; r++)
        {
            double Jitter() => 1 + (spread * ((random.NextDouble() * 2) - 1));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"r,{r},host,startup,total,ms,{15 * Jitter():R},ok,0,host:{r}"));
            lines.Add(r > 25 - failedRunc
                ? string.Create(CultureInfo.InvariantCulture, $"r,{r},runc,startup,total,ms,NaN,failed:start failed: exit code 125,0,c{r}")
                : string.Create(CultureInfo.InvariantCulture, $"r,{r},runc,startup,total,ms,{runc * Jitter():R},ok,0,c{r}"));
            if (crun)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"r,{r},crun,startup,total,ms,{280 * Jitter():R},ok,0,k{r}"));
            }
        }

        for (var r = 1; r <= 3; r++)
        {
            for (var i = 0; i < 10; i++)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"r,{r},host,cpu,ComputeLoop,ns/op,{1000 + i},ok,{i},host:c{r}"));
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"r,{r},runc,cpu,ComputeLoop,ns/op,{(1000 + i) * cpuRatio:R},ok,{i},g{r}"));
            }
        }

        return string.Join('\n', lines) + "\n";
    }

    [Fact]
    public async Task A_significant_20_percent_slowdown_exits_1_and_writes_the_markdown_section()
    {
        var before = FakeRun.Write(_dir, Samples(300, 0.02, seed: 1));
        var after = FakeRun.Write(_dir, Samples(360, 0.02, seed: 2));
        var md = Path.Combine(_dir, "compare.md");

        var (exit, output, error) = await CliRunner.RunAsync("compare", before, after, "--threshold", "10%", "--markdown", md);

        Assert.Equal(1, exit);
        Assert.Contains("regressed  startup", output, StringComparison.Ordinal);
        Assert.Contains("would regress at: 5 % → 1, 10 % → 1, 20 % → 0", output, StringComparison.Ordinal);
        Assert.StartsWith("isobench: 1 regression(s) beyond 10 %: startup/total [runc] +", error, StringComparison.Ordinal);
        Assert.Contains("**FAILED**", await File.ReadAllTextAsync(md), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_slowdown_on_samples_too_noisy_to_be_significant_exits_0()
    {
        var before = FakeRun.Write(_dir, Samples(300, 0.9, seed: 3));
        var after = FakeRun.Write(_dir, Samples(360, 0.9, seed: 4));

        var (exit, output, _) = await CliRunner.RunAsync("compare", before, after);

        Assert.Equal(0, exit);
        Assert.Contains("0 regressed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_identical_rerun_exits_0()
    {
        var before = FakeRun.Write(_dir, Samples(300, 0.05, seed: 5));
        var after = FakeRun.Write(_dir, Samples(300, 0.05, seed: 6));

        var (exit, output, error) = await CliRunner.RunAsync("compare", before, after, "--threshold", "5%");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("0 regressed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_noisy_host_is_marked_but_its_regression_still_fails_the_gate()
    {
        var before = FakeRun.Write(_dir, Samples(300, 0.02, seed: 7));
        var after = FakeRun.Write(_dir, Samples(360, 0.02, cpuRatio: 1.10, seed: 8));

        var (exit, output, _) = await CliRunner.RunAsync("compare", before, after);

        Assert.Equal(1, exit);
        Assert.Contains("noisy host: r: CPU control ComputeLoop ratio runc/host is 1.10", output, StringComparison.Ordinal);
        Assert.Contains("noise: reported only — it never switches the gate off, and the threshold is not widened", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mode_the_baseline_has_and_the_current_run_lacks_exits_1_and_names_it()
    {
        var before = FakeRun.Write(_dir, Samples(300, 0.02, seed: 30, crun: true));
        var after = FakeRun.Write(_dir, Samples(300, 0.02, seed: 31));

        var (exit, output, error) = await CliRunner.RunAsync("compare", before, after);

        Assert.Equal(1, exit);
        Assert.Contains("0 regressed", output, StringComparison.Ordinal);
        Assert.Contains($"missing in {after}: mode crun, 1 series of {before}", output, StringComparison.Ordinal);
        Assert.Equal($"isobench: missing in {after}: mode crun, 1 series of {before}", error.TrimEnd());
    }

    [Fact]
    public async Task Failures_that_rose_by_more_than_5_points_exit_1_and_no_more_exits_0()
    {
        var before = FakeRun.Write(_dir, Samples(300, 0.02, seed: 32));
        var oneFailed = FakeRun.Write(_dir, Samples(300, 0.02, seed: 33, failedRunc: 1));
        var twoFailed = FakeRun.Write(_dir, Samples(300, 0.02, seed: 34, failedRunc: 2));

        var (oneExit, _, _) = await CliRunner.RunAsync("compare", before, oneFailed);
        var (twoExit, output, error) = await CliRunner.RunAsync("compare", before, twoFailed);

        Assert.Equal(0, oneExit);
        Assert.Equal(1, twoExit);
        Assert.Contains($"failures rose: startup [runc] 2/25 cells failed (8 %) in {twoFailed}, 0/25 (0 %) in {before}: +8 points > 5", output, StringComparison.Ordinal);
        Assert.StartsWith("isobench: failures rose: startup [runc]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_current_run_where_everything_failed_exits_1_not_2()
    {
        var before = FakeRun.Write(_dir, Samples(300, 0.02, seed: 35));
        var after = FakeRun.Write(_dir, string.Join('\n', Samples(300, 0.02, seed: 36).Split('\n').Select((l, i) =>
            i == 0 || l.Length == 0 ? l : string.Join(',', l.Split(',') is var f ? [.. f[..6], "NaN", "failed:engine refused", .. f[8..]] : f))));

        var (exit, _, error) = await CliRunner.RunAsync("compare", before, after);

        Assert.Equal(1, exit);
        Assert.Contains("all failed in", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_n_compares_against_the_runs_a_history_points_at()
    {
        var history = Path.Combine(_dir, "history.csv");
        var nights = Enumerable.Range(0, 3).Select(i => FakeRun.Write(_dir, Samples(300, 0.03, seed: 10 + i))).ToList();
        foreach (var night in nights)
        {
            File.WriteAllText(Path.Combine(night, "manifest.json"),
                File.ReadAllText(Path.Combine(night, "manifest.json")).Replace("\"run_id\": \"r\"", $"\"run_id\": \"{Path.GetFileName(night)}\"", StringComparison.Ordinal));
            Assert.Equal(0, (await CliRunner.RunAsync("report", night, "--history", history)).Exit);
        }

        var slower = FakeRun.Write(_dir, Samples(360, 0.03, seed: 20));
        var (exit, output, _) = await CliRunner.RunAsync("compare", "last:3", slower, "--history", history);
        var (sameExit, _, _) = await CliRunner.RunAsync("compare", "last:2", "last:1", "--history", history);

        Assert.Equal(1, exit);
        Assert.Contains("baseline: last:3 = " + string.Join(", ", nights.Select(Path.GetFileName)), output, StringComparison.Ordinal);
        Assert.Equal(0, sameExit);
    }

    [Theory]
    [InlineData("--threshold", "ten")]
    [InlineData("--threshold", "0%")]
    public async Task Bad_thresholds_are_one_line_and_exit_2(string option, string value)
    {
        var run = FakeRun.Write(_dir, Samples(300, 0.02));
        var (exit, _, error) = await CliRunner.RunAsync("compare", run, run, option, value);

        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Missing_sides_and_histories_are_usage_errors()
    {
        var run = FakeRun.Write(_dir, Samples(300, 0.02));

        var (noDir, _, e1) = await CliRunner.RunAsync("compare", Path.Combine(_dir, "nope"), run);
        var (noHistory, _, e2) = await CliRunner.RunAsync("compare", "last:3", run, "--history", Path.Combine(_dir, "none.csv"));
        var (badLast, _, e3) = await CliRunner.RunAsync("compare", "last:x", run);
        var (oneSide, _, _) = await CliRunner.RunAsync("compare", run);

        Assert.Equal([2, 2, 2, 2], new[] { noDir, noHistory, badLast, oneSide });
        Assert.Contains("neither a run directory", e1, StringComparison.Ordinal);
        Assert.Contains("does not exist", e2, StringComparison.Ordinal);
        Assert.Contains("last:N", e3, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_history_is_one_line_with_file_and_line_exit_2_and_unchanged()
    {
        var run = FakeRun.Write(_dir, Samples(300, 0.02));
        var history = Path.Combine(_dir, "history.csv");
        const string Foreign = "date,value\n2025-01-01,3\n";
        File.WriteAllText(history, Foreign);

        var (reportExit, _, reportError) = await CliRunner.RunAsync("report", run, "--history", history);
        var (compareExit, _, compareError) = await CliRunner.RunAsync("compare", "last:2", run, "--history", history);

        Assert.Equal(2, reportExit);
        Assert.Equal(2, compareExit);
        Assert.StartsWith($"isobench: {history}:1: not an isobench history file", reportError, StringComparison.Ordinal);
        Assert.Single(reportError.TrimEnd().Split('\n'));
        Assert.StartsWith($"isobench: {history}:1:", compareError, StringComparison.Ordinal);
        Assert.Equal(Foreign, File.ReadAllText(history));
        Assert.False(Directory.Exists(Path.Combine(run, "report")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
