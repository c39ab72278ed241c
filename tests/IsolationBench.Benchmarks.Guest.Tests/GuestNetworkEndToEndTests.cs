using IsolationBench.Results;
using IsolationBench.Results.BenchmarkDotNet;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

/// <summary>
/// Runs the built guest's network category on this machine's loopback (--profile smoke: a pipeline check, never a
/// measurement): every benchmark completes, its servers stop, and the converter reads each in its declared unit.
/// </summary>
public sealed class GuestNetworkEndToEndTests
{
    [Fact]
    public async Task SmokeRunGivesEveryLoopbackMetricInItsUnit()
    {
        var artifacts = Directory.CreateTempSubdirectory("isobench-e2e-network").FullName;

        var (code, output) = await GuestEndToEndTests.RunGuest(["--category", "network", "--profile", "smoke", "--artifacts", artifacts]);

        Assert.True(code == 0, output);
        var samples = BdnReportConverter.ConvertArtifacts(artifacts, new GuestSampleContext("e2e", 1, "host", "host:0", DateTimeOffset.UnixEpoch));
        Assert.All(samples, s => Assert.True(s.Workload == "network" && s.IsOk && double.IsFinite(s.Value) && s.Value > 0, $"{s.Metric} {s.Status} {s.Value}"));
        Assert.Equal(
            [("TcpBulk64KiB", Units.MegabytesPerSecond), ("TcpConnectAcceptClose", Units.OpsPerSecond), ("TcpRoundTrip1B", Units.NanosecondsPerOp), ("UdpRoundTrip64B", Units.NanosecondsPerOp)],
            samples.Select(s => (s.Metric, s.Unit)).Distinct().Order());
        // Smoke = three measured iterations per benchmark, each one a sample.
        Assert.All(samples.GroupBy(s => s.Metric), g => Assert.Equal(3, g.Count()));
    }

    /// <summary>A fresh network namespace has a loopback interface that is down: the cell must fail with that reason, not hang.</summary>
    [SkippableFact]
    public async Task WithoutAWorkingLoopbackTheCategoryFailsInOneLineThatSaysSo()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Environment.UserName == "root" && File.Exists("/usr/bin/unshare"), "needs Linux, root and unshare(1)");
        var artifacts = Directory.CreateTempSubdirectory("isobench-e2e-nolo").FullName;

        var (code, output) = await GuestEndToEndTests.RunGuest(["/usr/bin/unshare", "--net"], ["--category", "network", "--profile", "smoke", "--artifacts", artifacts]);

        Assert.Equal(1, code);
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Last(l => l.StartsWith("isobench-guest: failed:", StringComparison.Ordinal));
        Assert.StartsWith("isobench-guest: failed: network (no working loopback in this cage: ", last, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(artifacts, "results")), "the benchmarks ran anyway");
    }
}
