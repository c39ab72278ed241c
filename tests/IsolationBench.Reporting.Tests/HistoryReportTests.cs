using IsolationBench.Reporting.History;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Tests;

public sealed class HistoryReportTests
{
    [Fact]
    public async Task Report_with_a_history_appends_once_and_adds_trend_charts_to_both_pages()
    {
        using var f = FixtureRun.Realistic();
        var history = Path.Combine(f.Path, "hist", "history.csv");
        var options = new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, BootstrapResamples = 500 };

        var first = await ReportGenerator.GenerateAsync(f.Path, options, history, CancellationToken.None);
        var rows = HistoryStore.Read(history);
        var second = await ReportGenerator.GenerateAsync(f.Path, options, history, CancellationToken.None);

        Assert.Equal(rows.Count, HistoryStore.Read(history).Count);
        Assert.All(rows, r => Assert.Equal(FixtureRun.RunId, r.RunId));
        Assert.Contains(rows, r => r.Workload == "startup" && r.Metric == "total" && r.Mode == "runsc" && r.Significant);
        Assert.All(rows, r => Assert.Equal(CpuControlState.Ok, r.CpuControl));
        Assert.Contains(second.Warnings, w => w.Contains("already in", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(first.OutputDirectory, "trend-startup.svg")));
        Assert.True(File.Exists(Path.Combine(first.OutputDirectory, "trend-syscall.png")));
        Assert.Contains("trend-startup.png", await File.ReadAllTextAsync(first.ReportMarkdown), StringComparison.Ordinal);
        Assert.Contains("trend-io.svg", await File.ReadAllTextAsync(first.IndexHtml), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_history_stops_the_report_before_anything_is_written()
    {
        using var f = FixtureRun.Realistic();
        var history = Path.Combine(f.Path, "history.csv");
        await File.WriteAllTextAsync(history, "this,is,not\nhistory\n");
        var outDir = Path.Combine(f.Path, "out");

        var ex = await Assert.ThrowsAsync<ResultsFormatException>(() =>
            ReportGenerator.GenerateAsync(f.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, OutputDirectory = outDir }, history, CancellationToken.None));

        Assert.Equal(1, ex.Line);
        Assert.False(Directory.Exists(outDir));
        Assert.Equal("this,is,not\nhistory\n", await File.ReadAllTextAsync(history));
    }
}
