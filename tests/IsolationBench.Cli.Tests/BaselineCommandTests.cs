namespace IsolationBench.Cli.Tests;

/// <summary>The baseline is the run's, chosen before it runs: a run without host reports against runc, and a baseline that is not among the modes is refused up front.</summary>
public sealed class BaselineCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("isobench-baseline-").FullName;

    private static readonly Results.ModeDescription[] Sandboxes =
        [new("runc", "container", "runc", null), new("runsc", "container", "runsc", null)];

    [Fact]
    public async Task A_run_without_host_and_an_old_manifest_is_reported_against_runc()
    {
        var run = FakeRun.Write(_dir, FakeRun.SandboxSamples, Sandboxes, baseline: null);

        var (exit, output, err) = await CliRunner.RunAsync("report", run);

        Assert.True(exit == 0, err);
        Assert.Contains("runsc starts", output, StringComparison.Ordinal);
        Assert.Contains("than runc", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_manifest_baseline_is_the_reports_default_and_the_option_overrides_it()
    {
        var run = FakeRun.Write(_dir, FakeRun.SandboxSamples, Sandboxes, baseline: "runsc");

        var (_, byManifest, _) = await CliRunner.RunAsync("report", run);
        var (exit, byOption, err) = await CliRunner.RunAsync("report", run, "--baseline", "runc");

        Assert.Contains("runc starts", byManifest, StringComparison.Ordinal);
        Assert.Contains("than runsc", byManifest, StringComparison.Ordinal);
        Assert.True(exit == 0, err);
        Assert.Contains("runsc starts", byOption, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_baseline_not_among_the_modes_exits_2_before_anything_runs()
    {
        var (exit, output, err) = await CliRunner.RunAsync(
            "run", "--modes", "runc,runsc", "--workloads", "startup", "--baseline", "host", "--output", _dir, "--run-id", "refused");

        Assert.Equal(2, exit);
        Assert.Contains("--baseline host is not among --modes runc,runsc", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Empty(output);
        Assert.False(Directory.Exists(Path.Combine(_dir, "refused")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
