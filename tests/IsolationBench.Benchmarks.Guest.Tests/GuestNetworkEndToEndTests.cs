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
}
