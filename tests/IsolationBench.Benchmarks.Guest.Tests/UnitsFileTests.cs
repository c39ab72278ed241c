using BenchmarkDotNet.Running;
using IsolationBench.Benchmarks.Guest.Benchmarks;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

/// <summary>What the guest writes into isobench-units.json for its own benchmarks (no benchmark is run).</summary>
public sealed class UnitsFileTests
{
    private static GuestOptions Options(string category) =>
        GuestArguments.Parse(["--category", category, "--profile", "quick", "--artifacts", Path.GetTempPath()]);

    [Fact]
    public void EveryBenchmarkHasAUnitAndACategory()
    {
        foreach (var category in GuestCategories.All)
        {
            var run = BenchmarkConverter.TypeToBenchmarks(GuestCategories.BenchmarkTypes(category, GuestPlatforms.Current).Single(), GuestConfig.Create(Options(category), category));
            Assert.NotEmpty(run.BenchmarksCases);
            Assert.All(run.BenchmarksCases, b =>
            {
                var unit = UnitsFile.Describe(b);
                Assert.Equal(category, unit.Category);
                Assert.Contains(unit.Unit, (string[])["ns/op", "MB/s", "ops/s"]);
                Assert.True(unit.Unit != "MB/s" || unit.BytesPerOp > 0, unit.Metric);
                Assert.False(string.IsNullOrWhiteSpace(unit.CacheNote), unit.Metric);
            });
        }
    }

    [Fact]
    public void EveryBenchmarkDeclaresItsDirectionAndTheHarnessReadsIt()
    {
        var dir = Path.Combine(Path.GetTempPath(), "isobench-units-direction", Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var category in GuestCategories.All)
            {
                var run = BenchmarkConverter.TypeToBenchmarks(GuestCategories.BenchmarkTypes(category, GuestPlatforms.Current).Single(), GuestConfig.Create(Options(category), category));
                UnitsFile.Write(dir, run.BenchmarksCases);
            }

            var read = IsolationBench.Results.BenchmarkDotNet.GuestUnitsFile.Read(Path.Combine(dir, UnitsFile.FileName)).Values.ToList();
            Assert.NotEmpty(read);
            Assert.All(read, u =>
            {
                // Today's guest units are times per op (lower) and rates (higher): the declaration must agree with them.
                var expected = u.Unit == "ns/op" ? IsolationBench.Results.MetricDirection.LowerIsBetter : IsolationBench.Results.MetricDirection.HigherIsBetter;
                Assert.Equal(expected, u.Direction);
                Assert.Equal(expected, u.Descriptor?.Direction);
            });
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void AnOldUnitsFileWithoutDirectionsStillReadsAndDeclaresNothing()
    {
        // Fixtures/isobench-units.json was written before "direction" existed.
        var units = IsolationBench.Results.BenchmarkDotNet.GuestUnitsFile.Read(Path.Combine(AppContext.BaseDirectory, "Fixtures", UnitsFile.FileName));

        Assert.NotEmpty(units);
        Assert.All(units.Values, u => Assert.Null(u.Direction));
        Assert.All(units.Values, u => Assert.Null(u.Descriptor));
    }

    [Fact]
    public void IoMetricsCarryTheTarget()
    {
        var run = BenchmarkConverter.TypeToBenchmarks(typeof(IoBenchmarks), GuestConfig.Create(Options("io"), "io"));
        var write = UnitsFile.Describe(run.BenchmarksCases.Single(b => b.Descriptor.WorkloadMethod.Name == nameof(IoBenchmarks.SequentialWrite1MiB)));

        Assert.Equal(("layer", "SequentialWrite1MiB@layer", "MB/s", 256L << 20), (write.Target, write.Metric, write.Unit, write.BytesPerOp));
    }
}
