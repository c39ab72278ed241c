using IsolationBench.Reporting.CrossCheck;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Tests;

/// <summary>A real `--engine-bench` run, recorded (Recorded/engine-bench-run/README.md), read back by the reporter.</summary>
public sealed class RecordedEngineBenchTests
{
    private static string Recorded => Path.Combine(AppContext.BaseDirectory, "Recorded", "engine-bench-run");

    [Fact]
    public void Every_measured_iteration_is_read_and_gives_BenchmarkDotNets_own_median()
    {
        var figures = BdnLifecycleReader.Read(Recorded);

        Assert.NotNull(figures);
        Assert.Equal(["host", "crun", "runc"], figures.Select(f => f.Mode));
        Assert.All(figures, f =>
        {
            Assert.Equal(f.N, f.Iterations.Count);
            Assert.Equal(f.Median, Descriptive.Median([.. f.Iterations]), 9);
            Assert.Equal(f.Mean, f.Iterations.Average(), 9);
        });
        Assert.Equal(20, figures[0].N);
        Assert.True(figures.Single(f => f.Mode == "runc").Ratio > 10, "a container lifecycle is tens of times a host process");
    }

    [Fact]
    public async Task The_report_puts_both_measurements_side_by_side_and_finds_them_in_agreement()
    {
        var copy = Directory.CreateTempSubdirectory("isobench-recorded-eb-").FullName;
        try
        {
            CopyTree(Recorded, copy);
            var result = await ReportGenerator.GenerateAsync(copy, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, BootstrapResamples = 1_000, WriteCharts = false }, CancellationToken.None);

            var md = await File.ReadAllTextAsync(result.ReportMarkdown);
            Assert.Contains("## BenchmarkDotNet cross-check", md, StringComparison.Ordinal);
            foreach (var (mode, difference) in new[] { ("host", "+3.3 %"), ("runc", "+0.7 %"), ("crun", "+0.5 %") })
            {
                Assert.Contains($"{mode}: BenchmarkDotNet and the harness agree", md, StringComparison.Ordinal);
                Assert.Matches($@"\| {mode} \| 20 \| [^|]+ \| [^|]+ \| [^|]+ \| [^|]+ \| {System.Text.RegularExpressions.Regex.Escape(difference)} \| [−+][0-9.]+ % … [−+][0-9.]+ % \| yes \|", md);
            }

            var html = await File.ReadAllTextAsync(result.IndexHtml);
            Assert.Contains("95 % CI of the difference", html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
