using System.Diagnostics;
using IsolationBench.Results.BenchmarkDotNet;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

/// <summary>Runs the built guest (cpu, --profile smoke: a pipeline check, never a measurement) and parses what it wrote.</summary>
public sealed class GuestEndToEndTests
{
    [Fact]
    public async Task SmokeRunWritesAReportTheConverterReads()
    {
        var artifacts = Directory.CreateTempSubdirectory("isobench-e2e").FullName;
        var (code, output) = await RunGuest(["--category", "cpu", "--profile", "smoke", "--artifacts", artifacts]);

        Assert.True(code == 0, output);
        var context = new GuestSampleContext("e2e", 1, "host", "host:0", DateTimeOffset.UnixEpoch);
        var samples = BdnReportConverter.ConvertArtifacts(artifacts, context);
        Assert.Equal(3, samples.Count);
        Assert.All(samples, s => Assert.Equal(("cpu", "IntegerMix", "ns/op"), (s.Workload, s.Metric, s.Unit)));
    }

    [Fact]
    public async Task BadArgumentsExitTwoWithOneLine()
    {
        var (code, output) = await RunGuest(["--category", "disk", "--profile", "quick", "--artifacts", "/tmp/x"]);

        Assert.Equal(2, code);
        Assert.Single(output.Trim().Split('\n'));
        Assert.StartsWith("isobench-guest: unknown category 'disk'", output.Trim(), StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> RunGuest(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "isobench-guest.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // As in a container: no HOME.
        start.Environment.Remove("HOME");
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stderr) + (process.ExitCode == 2 ? string.Empty : await stdout));
    }
}
