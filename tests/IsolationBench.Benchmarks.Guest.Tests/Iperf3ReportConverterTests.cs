using IsolationBench.Workloads.Guest;
using IsolationBench.Results;
using IsolationBench.Results.BenchmarkDotNet;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

/// <summary>The iperf3 converter on real iperf3 3.12 client JSON captured here (iperf3 -c 127.0.0.1 -J -t 1 -l 64K).</summary>
public sealed class Iperf3ReportConverterTests
{
    private static readonly GuestSampleContext Context =
        new("20261130-233600-test", 2, "runc", "abc123def456", new DateTimeOffset(2026, 11, 30, 23, 36, 0, TimeSpan.Zero));

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public void A_test_is_one_megabytes_per_second_sample_of_what_the_server_received()
    {
        var sample = Iperf3ReportConverter.Convert(Fixture("iperf3-ok/TcpBulk64KiB.before.json"), Context);

        Assert.Equal(("network", "iperf3.TcpBulk64KiB", "MB/s", SampleStatus.Ok), (sample.Workload, sample.Metric, sample.Unit, sample.Status));
        Assert.Equal(("runc", 2, "abc123def456"), (sample.Mode, sample.Round, sample.Source));
        // Captured: end.sum_received 1768816640 bytes in 1.003251 s → 1763.1 MB/s (MB = 10⁶ bytes, like ours); the
        // sender's sum (1769472000 bytes in 1.000067 s, 1769.4 MB/s) also counts what was still in flight at the end.
        Assert.Equal(1768816640 / 1.003251 / 1e6, sample.Value, 6);
        Assert.InRange(sample.Value, 1763.0, 1763.2);
    }

    [Fact]
    public void A_test_that_could_not_connect_is_a_failed_sample_with_iperf3_s_reason()
    {
        var sample = Iperf3ReportConverter.Convert(Fixture("iperf3-refused/TcpBulk64KiB.before.json"), Context);

        Assert.Equal("failed:iperf3: unable to connect to server: Connection refused", sample.Status);
        Assert.True(double.IsNaN(sample.Value));
    }

    [Fact]
    public void Artifacts_give_before_then_after_numbered_and_none_without_the_folder()
    {
        var artifacts = Directory.CreateTempSubdirectory("isobench-iperf3").FullName;
        try
        {
            Assert.Empty(Iperf3ReportConverter.ConvertArtifacts(artifacts, Context));
            var folder = Directory.CreateDirectory(Path.Combine(artifacts, "iperf3")).FullName;
            File.Copy(Fixture("iperf3-ok/TcpBulk64KiB.before.json"), Path.Combine(folder, "TcpBulk64KiB.after.json"));
            File.Copy(Fixture("iperf3-refused/TcpBulk64KiB.before.json"), Path.Combine(folder, "TcpBulk64KiB.before.json"));
            File.WriteAllText(Path.Combine(folder, "missing.txt"), "iperf3 not found\n");

            var samples = Iperf3ReportConverter.ConvertArtifacts(artifacts, Context);

            Assert.Equal([(1, false), (2, true)], samples.Select(s => (s.Iteration, s.IsOk)));
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }

    [Fact]
    public void A_report_without_the_received_sum_names_the_missing_field()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("isobench-iperf3").FullName, "TcpBulk64KiB.before.json");
        File.WriteAllText(path, """{"start": {}, "intervals": [], "end": {"sum_sent": {"bytes": 1, "seconds": 1}}}""");

        var ex = Assert.Throws<ResultsFormatException>(() => Iperf3ReportConverter.Convert(path, Context));

        Assert.Contains("missing \"sum_received\"", ex.Message, StringComparison.Ordinal);
    }
}
