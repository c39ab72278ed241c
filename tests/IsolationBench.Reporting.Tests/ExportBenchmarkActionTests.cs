using System.Text.Json;
using IsolationBench.Reporting.Export;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Tests;

public sealed class ExportBenchmarkActionTests
{
    [Fact]
    public async Task Report_writes_both_github_action_benchmark_files_split_by_direction()
    {
        using var f = new FixtureRun(3) { Modes = ["host", "runc"] };
        f.Add("host", "startup", "total", Units.Milliseconds, 15).Add("runc", "startup", "total", Units.Milliseconds, 300)
            .Add("host", "io", "Write@layer", Units.MegabytesPerSecond, 2000, rounds: 4, iterations: 5)
            .Add("runc", "io", "Write@layer", Units.MegabytesPerSecond, 1500, rounds: 4, iterations: 5)
            .Write();

        var result = await ReportGenerator.GenerateAsync(f.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, BootstrapResamples = 500, WriteCharts = false }, CancellationToken.None);

        using var smaller = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(result.OutputDirectory, BenchmarkActionExport.SmallerIsBetterFile)));
        using var bigger = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(result.OutputDirectory, BenchmarkActionExport.BiggerIsBetterFile)));
        Assert.Equal(JsonValueKind.Array, smaller.RootElement.ValueKind);
        foreach (var e in smaller.RootElement.EnumerateArray().Concat(bigger.RootElement.EnumerateArray()))
        {
            Assert.Equal(["name", "unit", "value", "range", "extra"], e.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Number, e.GetProperty("value").ValueKind);
            Assert.StartsWith("± ", e.GetProperty("range").GetString(), StringComparison.Ordinal);
        }

        var names = smaller.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains("startup/total [runc]", names);
        Assert.Contains("startup/total [runc overhead vs host]", names);
        Assert.Contains("io/Write@layer [runc overhead vs host]", names);
        Assert.Equal(["io/Write@layer [host]", "io/Write@layer [runc]"], bigger.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal("MB/s", bigger.RootElement[0].GetProperty("unit").GetString());
        var overhead = smaller.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "startup/total [runc overhead vs host]");
        Assert.Equal("x", overhead.GetProperty("unit").GetString());
        Assert.InRange(overhead.GetProperty("value").GetDouble(), 15, 25);
    }
}
