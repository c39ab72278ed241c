using IsolationBench.Workloads.Guest;
using System.Text.Json.Nodes;
using IsolationBench.Results;
using IsolationBench.Results.BenchmarkDotNet;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

/// <summary>The fio converter on real (trimmed) fio 3.33 JSON captured from isobench-guest --profile quick --fio on a host.</summary>
public sealed class FioReportConverterTests
{
    private static readonly GuestSampleContext Context =
        new("20261129-105800-test", 3, "runc", "abc123def456", new DateTimeOffset(2026, 11, 29, 10, 58, 0, TimeSpan.Zero));

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public void SequentialWriteIsOneMegabytesPerSecondSamplePerJob()
    {
        var samples = FioReportConverter.Convert(Fixture("fio-SequentialWrite1MiB.json"), Context);

        Assert.Equal([1, 2, 3], samples.Select(s => s.Iteration));
        Assert.All(samples, s =>
        {
            Assert.Equal(("io", "fio.SequentialWrite1MiB@layer", "MB/s"), (s.Workload, s.Metric, s.Unit));
            Assert.Equal(("runc", 3, "abc123def456", SampleStatus.Ok), (s.Mode, s.Round, s.Source, s.Status));
        });

        // Captured job 1: io_bytes 268435456 in runtime 1342 ms → MB = 10⁶ bytes, like ours: 200.03 MB/s
        // (fio's own bw field, 195339 KiB/s, is the same figure in other units and rounded).
        Assert.Equal(268435456 / 1.342 / 1e6, samples[0].Value, 9);
        Assert.InRange(samples[0].Value, 200.0, 200.1);
    }

    [Fact]
    public void RandomReadIsOneOverFiosMeanLatencyNotItsIops()
    {
        var samples = FioReportConverter.Convert(Fixture("fio-RandomRead4KiB.json"), Context);

        Assert.Equal(3, samples.Count);
        Assert.All(samples, s => Assert.Equal(("fio.RandomRead4KiB@layer", "ops/s"), (s.Metric, s.Unit)));

        // Captured (fio 3.33, this VM) job 1 after the warmup: read.lat_ns.mean 48705.975342 ns → 20531.4 reads/s.
        // Its iops field (total_ios 4096 in runtime 212 ms) says 19320.754717: fio's work between I/Os, not the reads.
        Assert.Equal(1e9 / 48705.975342, samples[0].Value, 6);
        Assert.Equal([1e9 / 48705.975342, 1e9 / 50553.319092, 1e9 / 47644.34082], samples.Select(s => s.Value), new ToleranceComparer(1e-6));
        Assert.True(samples[0].Value > 19320.754717 * 1.05);
    }

    [Fact]
    public void ReadWithoutLatencyNamesTheMissingField()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("isobench-fio").FullName, "RandomRead4KiB@layer.json");
        File.WriteAllText(path, """{"jobs": [{"jobname": "RandomRead4KiB@layer", "error": 0, "read": {"total_ios": 4096, "runtime": 200}}]}""");

        var ex = Assert.Throws<ResultsFormatException>(() => FioReportConverter.Convert(path, Context));

        Assert.Contains("missing \"lat_ns\"", ex.Message, StringComparison.Ordinal);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(Math.Abs(x), Math.Abs(y));

        public int GetHashCode(double obj) => 0;
    }

    [Fact]
    public void MetricsAreOursWithTheFioPrefix()
    {
        var ours = JsonNode.Parse(File.ReadAllText(Fixture("isobench-units.json")))!["benchmarks"]!.AsObject()
            .Select(b => (string)b.Value!["metric"]!)
            .ToHashSet(StringComparer.Ordinal);

        var fio = FioReportConverter.Convert(Fixture("fio-SequentialWrite1MiB.json"), Context)
            .Concat(FioReportConverter.Convert(Fixture("fio-RandomRead4KiB.json"), Context))
            .Select(s => s.Metric)
            .Distinct();

        Assert.All(fio, m => Assert.Contains(m[FioReportConverter.MetricPrefix.Length..], ours));
    }

    [Fact]
    public void ArtifactsReadsEveryJsonAndAbsentFolderIsEmpty()
    {
        var artifacts = Directory.CreateTempSubdirectory("isobench-fio").FullName;
        Assert.Empty(FioReportConverter.ConvertArtifacts(artifacts, Context));

        var fio = Directory.CreateDirectory(Path.Combine(artifacts, "fio")).FullName;
        File.Copy(Fixture("fio-SequentialWrite1MiB.json"), Path.Combine(fio, "SequentialWrite1MiB@layer.json"));
        File.Copy(Fixture("fio-RandomRead4KiB.json"), Path.Combine(fio, "RandomRead4KiB@layer.json"));
        File.WriteAllText(Path.Combine(fio, "missing.txt"), "fio not found on PATH\n");

        var samples = FioReportConverter.ConvertArtifacts(artifacts, Context);

        Assert.Equal(6, samples.Count);
        Assert.Equal(["fio.RandomRead4KiB@layer", "fio.SequentialWrite1MiB@layer"], samples.Select(s => s.Metric).Distinct());
    }

    [Fact]
    public void TheTwoHalvesAroundOurBenchmarksAreNumberedOnInTimeOrder()
    {
        var artifacts = Directory.CreateTempSubdirectory("isobench-fio").FullName;
        var fio = Directory.CreateDirectory(Path.Combine(artifacts, "fio")).FullName;
        File.Copy(Fixture("fio-SequentialWrite1MiB.json"), Path.Combine(fio, "SequentialWrite1MiB@layer.after.json"));
        File.Copy(Fixture("fio-SequentialWrite1MiB.json"), Path.Combine(fio, "SequentialWrite1MiB@layer.before.json"));
        var one = FioReportConverter.Convert(Fixture("fio-SequentialWrite1MiB.json"), Context);

        var samples = FioReportConverter.ConvertArtifacts(artifacts, Context);

        Assert.Equal(Enumerable.Range(1, 2 * one.Count), samples.Select(s => s.Iteration));
        Assert.Equal(one.Concat(one).Select(s => s.Value), samples.Select(s => s.Value));
    }

    [Fact]
    public void MissingFileNamesIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "isobench-no-such-fio.json");

        var ex = Assert.Throws<ResultsFormatException>(() => FioReportConverter.Convert(path, Context));

        Assert.Equal(path, ex.FilePath);
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"jobs\": [ {\"jobname\": ", "not valid fio JSON")]
    [InlineData("fio: note: this is not JSON", "not valid fio JSON")]
    [InlineData("{\"fio version\": \"fio-3.33\"}", "missing \"jobs\"")]
    [InlineData("{\"jobs\": [{\"jobname\": \"Bogus@layer\", \"error\": 0}]}", "unknown benchmark")]
    [InlineData("{\"jobs\": [{\"jobname\": \"RandomRead4KiB@layer\", \"error\": 0, \"read\": {\"total_ios\": 1}}]}", "missing \"runtime\"")]
    public void MalformedFileNamesIt(string text, string expected)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("isobench-fio").FullName, "RandomRead4KiB@layer.json");
        File.WriteAllText(path, text);

        var ex = Assert.Throws<ResultsFormatException>(() => FioReportConverter.Convert(path, Context));

        Assert.Equal(path, ex.FilePath);
        Assert.StartsWith(path + ":", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WarmupJobsAreNotSamples()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("isobench-fio").FullName, "RandomRead4KiB@layer.json");
        File.WriteAllText(path, """
            {"jobs": [
              {"jobname": "warmup.RandomRead4KiB@layer", "error": 0, "read": {"total_ios": 4096, "runtime": 2000, "lat_ns": {"mean": 488281.25}}},
              {"jobname": "RandomRead4KiB@layer", "error": 0, "read": {"total_ios": 4096, "runtime": 500, "lat_ns": {"mean": 122070.3125}}}]}
            """);

        var sample = Assert.Single(FioReportConverter.Convert(path, Context));

        Assert.Equal((1, 8192.0), (sample.Iteration, sample.Value));
    }

    [Fact]
    public void FioErrorIsAFailedSampleNotANumber()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("isobench-fio").FullName, "SequentialWrite1MiB@layer.json");
        File.WriteAllText(path, """{"jobs": [{"jobname": "SequentialWrite1MiB@layer", "error": 28, "write": {"io_bytes": 0, "runtime": 0}}]}""");

        var sample = Assert.Single(FioReportConverter.Convert(path, Context));

        Assert.True(double.IsNaN(sample.Value));
        Assert.Equal("failed:fio error 28", sample.Status);
    }
}
