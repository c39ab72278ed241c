using System.Text.Json;

namespace IsolationBench.Cli.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("isobench-cmd-").FullName;

    [Fact]
    public async Task Whereami_json_is_a_parseable_fingerprint()
    {
        var (exit, output, _) = await CliRunner.RunAsync("whereami", "--json");

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("linux", doc.RootElement.GetProperty("os").GetString());
        Assert.True(doc.RootElement.TryGetProperty("container_evidence", out _));
    }

    [Fact]
    public async Task Whereami_says_where_it_is_in_words()
    {
        var (exit, output, _) = await CliRunner.RunAsync("whereami");

        Assert.Equal(0, exit);
        Assert.StartsWith("You are ", output, StringComparison.Ordinal);
        Assert.Contains("kernel", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_command_and_exits_0()
    {
        var (exit, output, _) = await CliRunner.RunAsync("--help");

        Assert.Equal(0, exit);
        foreach (var command in new[] { "run", "report", "publish", "doctor", "clean", "whereami" })
        {
            Assert.Contains("  " + command, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Report_then_publish_writes_a_page_with_relative_links_only()
    {
        var run = FakeRun.Write(_dir, FakeRun.GoodSamples);
        var docs = Path.Combine(_dir, "docs");

        var (reportExit, reportOut, _) = await CliRunner.RunAsync("report", run);
        var (publishExit, _, _) = await CliRunner.RunAsync("publish", run, docs);

        Assert.Equal(0, reportExit);
        Assert.Contains("runc starts", reportOut, StringComparison.Ordinal);
        Assert.Equal(0, publishExit);
        var html = await File.ReadAllTextAsync(Path.Combine(docs, "index.html"));
        Assert.DoesNotContain(_dir, html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(docs, "startup-phases.svg")) || File.Exists(Path.Combine(docs, "overhead-startup.svg")));
    }

    [Fact]
    public async Task A_host_only_run_needs_no_engine_and_writes_verified_samples()
    {
        var (exit, output, err) = await CliRunner.RunAsync("run", "--modes", "host", "--workloads", "startup", "--samples", "3", "--warmup", "1", "--output", _dir, "--run-id", "host-only", "--no-report");

        Assert.True(exit == 0, err);
        Assert.Contains("startup, median ms", output, StringComparison.Ordinal);
        var csv = await File.ReadAllLinesAsync(Path.Combine(_dir, "host-only", "samples.csv"));
        // A host process has start, ready, fingerprint, exit and total (no create or remove); its first container (the
        // warm-up) once more as first.* in round 0.
        Assert.Equal(1 + (3 * 5) + 5, csv.Length);
        Assert.Equal(5, csv.Count(line => line.Contains(",host,startup,first.", StringComparison.Ordinal)));
        Assert.All(csv.Skip(1), line => Assert.Contains(",ok,", line, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
