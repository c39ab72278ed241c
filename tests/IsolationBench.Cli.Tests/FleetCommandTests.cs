namespace IsolationBench.Cli.Tests;

/// <summary>`isobench report RUN_A RUN_B`: the fleet report from the command line, and what it refuses.</summary>
public sealed class FleetCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("isobench-fleet-").FullName;

    private static readonly Results.ModeDescription[] Modes =
        [new("host", "host", null, null), new("runc", "container", "runc", null)];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Two_runs_give_one_page_beside_the_first()
    {
        var a = FakeRun.Write(_dir, FakeRun.GoodSamples, Modes, "host", runId: "run-a");
        var b = FakeRun.Write(_dir, FakeRun.GoodSamples, Modes, "host", runId: "run-b");

        var (exit, output, err) = await CliRunner.RunAsync("report", a, b);

        Assert.True(exit == 0, err);
        Assert.Contains("fleet of 2 runs", output, StringComparison.Ordinal);
        var folder = Path.Combine(_dir, "fleet-" + Path.GetFileName(a) + "+" + Path.GetFileName(b));
        Assert.True(File.Exists(Path.Combine(folder, "index.html")), output);
        Assert.Contains("| run-a (vs host) | run-b (vs host) | run-b ÷ first |", File.ReadAllText(Path.Combine(folder, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fleet_report_is_published_like_a_single_one()
    {
        var a = FakeRun.Write(_dir, FakeRun.GoodSamples, Modes, "host", runId: "run-a");
        var b = FakeRun.Write(_dir, FakeRun.GoodSamples, Modes, "host", runId: "run-b");
        var fleet = Path.Combine(_dir, "fleet");
        var docs = Path.Combine(_dir, "docs");
        Assert.Equal(0, (await CliRunner.RunAsync("report", a, b, "--out", fleet)).Exit);

        var (exit, output, err) = await CliRunner.RunAsync("publish", fleet, docs);

        Assert.True(exit == 0, err);
        Assert.Contains("published", output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(fleet, "index.html")), File.ReadAllText(Path.Combine(docs, "index.html")));
        Assert.True(File.Exists(Path.Combine(docs, "fleet.svg")), "the fleet chart was not published");
    }

    [Theory]
    [InlineData("--baseline", "runc", "--baseline applies to one run")]
    [InlineData("--history", "h.csv", "--history applies to one run")]
    public async Task Options_of_a_single_report_are_refused_with_several_runs(string option, string value, string message)
    {
        var a = FakeRun.Write(_dir, FakeRun.GoodSamples, Modes, "host", runId: "run-a");
        var b = FakeRun.Write(_dir, FakeRun.GoodSamples, Modes, "host", runId: "run-b");

        var (exit, _, err) = await CliRunner.RunAsync("report", a, b, option, value);

        Assert.Equal(2, exit);
        Assert.Contains(message, Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_run_or_the_same_run_twice_is_exit_2()
    {
        var a = FakeRun.Write(_dir, FakeRun.GoodSamples, Modes, "host", runId: "run-a");

        var (missing, _, missingErr) = await CliRunner.RunAsync("report", a, Path.Combine(_dir, "nope"));
        var (twice, _, twiceErr) = await CliRunner.RunAsync("report", a, a);

        Assert.Equal(2, missing);
        Assert.Contains("does not exist", missingErr, StringComparison.Ordinal);
        Assert.Equal(2, twice);
        Assert.Contains("given twice", twiceErr, StringComparison.Ordinal);
    }
}
