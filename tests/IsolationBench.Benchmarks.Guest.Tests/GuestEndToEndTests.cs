using IsolationBench.Workloads.Guest;
using System.Diagnostics;
using IsolationBench.Fingerprint;
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
        // --fio without the io category: nothing for fio to cross-check, so no fio folder.
        var (code, output) = await RunGuest(["--category", "cpu", "--profile", "smoke", "--artifacts", artifacts, "--fio"]);

        Assert.True(code == 0, output);
        Assert.False(Directory.Exists(Path.Combine(artifacts, "fio")));
        Assert.Empty(FioReportConverter.ConvertArtifacts(artifacts, new GuestSampleContext("e2e", 1, "host", "host:0", DateTimeOffset.UnixEpoch)));
        var context = new GuestSampleContext("e2e", 1, "host", "host:0", DateTimeOffset.UnixEpoch);
        var samples = BdnReportConverter.ConvertArtifacts(artifacts, context);
        Assert.Equal(3, samples.Count);
        Assert.All(samples, s => Assert.Equal(("cpu", "IntegerMix", "ns/op"), (s.Workload, s.Metric, s.Unit)));
    }

    [Fact]
    public async Task EachCategoryOfOneProcessRecordsItsOwnOutcome()
    {
        var artifacts = Directory.CreateTempSubdirectory("isobench-e2e").FullName;
        // The filter matches a cpu benchmark only: memory has nothing to run and fails, cpu still runs and is kept.
        var (code, output) = await RunGuest(["--category", "cpu,memory", "--profile", "smoke", "--artifacts", artifacts, "--filter", "*IntegerMix*"]);

        Assert.True(code == 1, output);
        Assert.Equal(GuestCategoryOutcomes.FileName, CategoryOutcomesFile.FileName);
        var outcomes = GuestCategoryOutcomes.Parse(File.ReadAllText(Path.Combine(artifacts, GuestCategoryOutcomes.FileName)));
        Assert.Null(outcomes["cpu"]);
        Assert.Contains("nothing matches --filter", outcomes["memory"], StringComparison.Ordinal);
        Assert.All(BdnReportConverter.ConvertArtifacts(artifacts, new GuestSampleContext("e2e", 1, "host", "host:0", DateTimeOffset.UnixEpoch)), s => Assert.Equal("cpu", s.Workload));
    }

    [Fact]
    public async Task FingerprintIsWrittenFirstAsOneLine()
    {
        var artifacts = Directory.CreateTempSubdirectory("isobench-e2e").FullName;
        var (code, output) = await RunGuest(["--category", "cpu", "--profile", "smoke", "--artifacts", artifacts]);

        Assert.True(code == 0, output);
        var lines = File.ReadAllLines(Path.Combine(artifacts, "fingerprint.json"));
        var fingerprint = FingerprintJson.Parse(Assert.Single(lines));
        // Same machine, same view (the test host is not in another cage than the guest it starts).
        Assert.Equal(FingerprintCollector.Collect().KernelVersion, fingerprint.KernelVersion);
        Assert.Equal(Environment.ProcessorCount, fingerprint.CpuCount);
        Assert.True(
            File.GetLastWriteTimeUtc(Path.Combine(artifacts, "fingerprint.json"))
                <= Directory.GetFiles(Path.Combine(artifacts, "results")).Min(File.GetLastWriteTimeUtc),
            "fingerprint.json must be written before any benchmark result");
    }

    [Fact]
    public async Task BadArgumentsExitTwoWithOneLine()
    {
        var (code, output) = await RunGuest(["--category", "disk", "--profile", "quick", "--artifacts", "/tmp/x"]);

        Assert.Equal(2, code);
        Assert.Single(output.Trim().Split('\n'));
        Assert.StartsWith("isobench-guest: unknown category 'disk'", output.Trim(), StringComparison.Ordinal);
    }

    internal static Task<(int Code, string Output)> RunGuest(IEnumerable<string> args) => RunGuest([], args);

    /// <summary>The guest under <paramref name="wrapper"/> (a command and its arguments that end by running the rest, e.g. unshare -n).</summary>
    internal static async Task<(int Code, string Output)> RunGuest(IReadOnlyList<string> wrapper, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(wrapper.Count > 0 ? wrapper[0] : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in wrapper.Skip(1).Concat(wrapper.Count > 0 ? ["dotnet"] : []))
        {
            start.ArgumentList.Add(arg);
        }

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
