using System.Globalization;
using System.Text.Json.Nodes;
using IsolationBench.Results;
using IsolationBench.Results.BenchmarkDotNet;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

/// <summary>The converter on real (trimmed) reports captured from a runc container run of isobench-guest --profile quick.</summary>
public sealed class BdnReportConverterTests
{
    private static readonly GuestSampleContext Context =
        new("20261129-103600-test", 2, "runc", "abc123def456", new DateTimeOffset(2026, 11, 29, 10, 36, 0, TimeSpan.Zero));

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static IReadOnlyList<Sample> ConvertIo() =>
        BdnReportConverter.Convert(Fixture("io-report-full.json"), Fixture("isobench-units.json"), Context);

    [Fact]
    public void OneSamplePerWorkloadIterationWithTargetInTheMetric()
    {
        var samples = ConvertIo();

        Assert.Equal(12, samples.Count); // 2 benchmarks × 2 targets × 3 quick iterations
        Assert.All(samples, s =>
        {
            Assert.Equal("io", s.Workload);
            Assert.Equal("runc", s.Mode);
            Assert.Equal(2, s.Round);
            Assert.Equal("abc123def456", s.Source);
            Assert.Equal(SampleStatus.Ok, s.Status);
        });
        Assert.Equal(
            ["RandomRead4KiB@layer", "RandomRead4KiB@volume", "SequentialWrite1MiB@layer", "SequentialWrite1MiB@volume"],
            samples.Select(s => s.Metric).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal([1, 2, 3], samples.Where(s => s.Metric == "SequentialWrite1MiB@layer").Select(s => s.Iteration));
    }

    [Fact]
    public void ConvertsSequentialWriteToMegabytesPerSecond()
    {
        var first = ConvertIo().First(s => s.Metric == "SequentialWrite1MiB@layer");

        // Captured: Operations 1, Nanoseconds 1139109511 for 256 MiB → 268435456 B / 1.139109511 s / 10⁶.
        Assert.Equal("MB/s", first.Unit);
        Assert.Equal(268435456 * 1000.0 / 1139109511, first.Value, 9);
        Assert.InRange(first.Value, 235.6, 235.7);
    }

    [Fact]
    public void ConvertsRandomReadToOpsPerSecond()
    {
        var first = ConvertIo().First(s => s.Metric == "RandomRead4KiB@layer");

        // Captured: Operations 4096 (OperationsPerInvoke), Nanoseconds 446619030 → 109038.8 ns/op → 9171 ops/s.
        Assert.Equal("ops/s", first.Unit);
        Assert.Equal(1e9 / (446619030 / 4096.0), first.Value, 6);
    }

    [Fact]
    public void CpuStaysInNanosecondsPerOpAndSkipsWarmupAndOverheadIterations()
    {
        var samples = BdnReportConverter.Convert(Fixture("cpu-report-full.json"), Fixture("isobench-units.json"), Context);

        Assert.All(samples, s => Assert.Equal(("cpu", "IntegerMix", "ns/op"), (s.Workload, s.Metric, s.Unit)));
        Assert.Equal(100834737.5 / 19922944, samples[0].Value, 12);
    }

    /// <summary>
    /// The captured cpu report is a real run in which BDN called workload iteration 4 (126.9 ms against ~100 ms) an
    /// upper outlier: it has 5 Workload/Actual iterations but only 4 in its Result stage. Every one must be a sample,
    /// the outlier included, with exactly BDN's overhead-subtracted value for the four it kept.
    /// </summary>
    [Fact]
    public void KeepsTheIterationBdnRemovedAsAnOutlier()
    {
        var samples = BdnReportConverter.Convert(Fixture("cpu-report-full.json"), Fixture("isobench-units.json"), Context);

        Assert.Equal(5, samples.Count);
        Assert.Equal([1, 2, 3, 4, 5], samples.Select(s => s.Iteration));
        const double ops = 19922944;
        // BDN's Result stage values (overhead subtracted, outlier removed), read from the same file.
        double[] bdnResult = [100834737.5, 97765793.5, 103246550.5, 109618709.5];
        Assert.Equal(bdnResult.Select(ns => ns / ops), samples.Where(s => s.Iteration != 4).Select(s => s.Value), new Tolerance(1e-9));
        // The outlier: its Actual time minus the same overhead (median overhead per op × operations = 2635.5 ns).
        Assert.Equal((126930853.00000001 - 2635.5) / ops, samples[3].Value, 9);
        Assert.True(samples[3].Value > samples.Where(s => s.Iteration != 4).Max(s => s.Value));
    }

    private sealed class Tolerance(double relative) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= relative * Math.Max(Math.Abs(x), Math.Abs(y));

        public int GetHashCode(double obj) => 0;
    }

    [Fact]
    public void ConvertArtifactsReadsEveryReportOfADirectory()
    {
        var dir = Directory.CreateTempSubdirectory("isobench-artifacts").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "results"));
        File.Copy(Fixture("io-report-full.json"), Path.Combine(dir, "results", "Io-report-full.json"));
        File.Copy(Fixture("cpu-report-full.json"), Path.Combine(dir, "results", "Cpu-report-full.json"));
        File.Copy(Fixture("isobench-units.json"), Path.Combine(dir, GuestUnitsFile.FileName));

        Assert.Equal(17, BdnReportConverter.ConvertArtifacts(dir, Context).Count);
    }

    [Fact]
    public void IsCultureIndependent()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // Globalization-invariant mode has no de-DE: build a comma-decimal culture by hand.
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = comma;
            Assert.Equal(12, ConvertIo().Count(s => s.Value > 0));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("FullName", "benchmark #1: missing \"FullName\"")]
    [InlineData("Measurements", "missing \"Measurements\"")]
    [InlineData("Operations", "measurement: missing \"Operations\"")]
    [InlineData("Nanoseconds", "measurement: missing \"Nanoseconds\"")]
    [InlineData("IterationStage", "measurement: missing \"IterationStage\"")]
    public void MissingReportFieldNamesFileAndField(string field, string expected)
    {
        var report = JsonNode.Parse(File.ReadAllText(Fixture("io-report-full.json")))!;
        var benchmark = report["Benchmarks"]![0]!.AsObject();
        if (!benchmark.Remove(field))
        {
            foreach (var m in benchmark["Measurements"]!.AsArray())
            {
                m!.AsObject().Remove(field);
            }
        }

        var path = WriteTemp(report.ToJsonString());
        var ex = Assert.Throws<ResultsFormatException>(() => BdnReportConverter.Convert(path, Fixture("isobench-units.json"), Context));

        Assert.Equal(path, ex.FilePath);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingBenchmarksArrayIsNamed()
    {
        var path = WriteTemp("{\"Title\":\"x\"}");

        var ex = Assert.Throws<ResultsFormatException>(() => BdnReportConverter.Convert(path, Fixture("isobench-units.json"), Context));

        Assert.Contains("missing \"Benchmarks\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchmarkAbsentFromTheUnitsFileIsNamed()
    {
        var units = JsonNode.Parse(File.ReadAllText(Fixture("isobench-units.json")))!;
        units["benchmarks"]!.AsObject().Remove("IsolationBench.Benchmarks.Guest.Benchmarks.IoBenchmarks.RandomRead4KiB(Target: \"layer\")");
        var unitsPath = WriteTemp(units.ToJsonString());

        var ex = Assert.Throws<ResultsFormatException>(() => BdnReportConverter.Convert(Fixture("io-report-full.json"), unitsPath, Context));

        Assert.Contains("RandomRead4KiB(Target: \"layer\"): not in isobench-units.json", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unit", "missing \"unit\"")]
    [InlineData("category", "missing \"category\"")]
    [InlineData("metric", "missing \"metric\"")]
    [InlineData("bytes_per_op", "MB/s needs a positive bytes_per_op")]
    public void MissingUnitsFieldIsNamed(string field, string expected)
    {
        var units = JsonNode.Parse(File.ReadAllText(Fixture("isobench-units.json")))!;
        units["benchmarks"]!["IsolationBench.Benchmarks.Guest.Benchmarks.IoBenchmarks.SequentialWrite1MiB(Target: \"layer\")"]!
            .AsObject().Remove(field);
        var unitsPath = WriteTemp(units.ToJsonString());

        var ex = Assert.Throws<ResultsFormatException>(() => GuestUnitsFile.Read(unitsPath));

        Assert.Equal(unitsPath, ex.FilePath);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFilesAreNamed()
    {
        Assert.Contains("/nonexistent/x.json", Assert.Throws<ResultsFormatException>(
            () => BdnReportConverter.Convert("/nonexistent/x.json", Fixture("isobench-units.json"), Context)).Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/u.json", Assert.Throws<ResultsFormatException>(
            () => GuestUnitsFile.Read("/nonexistent/u.json")).Message, StringComparison.Ordinal);
    }

    private static string WriteTemp(string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("isobench-bdn").FullName, "report-full.json");
        File.WriteAllText(path, text);
        return path;
    }
}
