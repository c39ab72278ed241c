using System.Text.Json;
using IsolationBench.Reporting.Export;
using IsolationBench.Results.Workloads;
using IsolationBench.Results;
using IsolationBench.Workloads.App;

namespace IsolationBench.Reporting.Tests;

/// <summary>
/// The app section on a synthetic run shaped like a real one (host, runc through a published port, runsc with the client
/// inside its container): the client path read from the data, its table and charts, and summary.csv and the nightly
/// export carrying its metrics with their declared directions.
/// </summary>
public sealed class AppReportTests
{
    private static FixtureRun AppRun()
    {
        var run = new FixtureRun(17) { Modes = ["host", "runc", "runsc"], Workloads = [AppMetrics.Workload], WorkloadDescriptors = [IsolationBench.Workloads.App.AppModule.Workload], Metrics = AppMetrics.Descriptors };
        foreach (var (mode, engine, client, process, first, rps, p50, p99) in new[]
        {
            ("host", 2.0, 0.0, 180.0, 60.0, 9000.0, 800.0, 2500.0),
            ("runc", 120.0, 0.0, 260.0, 70.0, 5000.0, 1400.0, 4000.0),
            ("runsc", 300.0, 900.0, 1500.0, 400.0, 1200.0, 6000.0, 20000.0),
        })
        {
            run.Add(mode, AppMetrics.Workload, AppMetrics.EngineStart, Units.Milliseconds, engine, rounds: 5)
                .Add(mode, AppMetrics.Workload, AppMetrics.ProcessUp, Units.Milliseconds, process, rounds: 5)
                .Add(mode, AppMetrics.Workload, AppMetrics.FirstResponse, Units.Milliseconds, first, rounds: 5)
                .Add(mode, AppMetrics.Workload, AppMetrics.ColdStartTotal, Units.Milliseconds, engine + client + process + first, rounds: 5)
                .Add(mode, AppMetrics.Workload, AppMetrics.Throughput, AppMetrics.RequestsPerSecond, rps, rounds: 5)
                .Add(mode, AppMetrics.Workload, AppMetrics.LatencyP50, AppMetrics.Microseconds, p50, rounds: 5)
                .Add(mode, AppMetrics.Workload, AppMetrics.LatencyP99, AppMetrics.Microseconds, p99, rounds: 5);
            if (client > 0)
            {
                run.Add(mode, AppMetrics.Workload, AppMetrics.ClientUp, Units.Milliseconds, client, rounds: 5);
            }
        }

        return run.Write();
    }

    [Fact]
    public void The_client_path_of_each_mode_is_read_from_its_data()
    {
        using var run = AppRun();
        var app = AppAnalysis.From(ReportGenerator.Analyze(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports }));

        Assert.Equal(
            [("host", AppAnalysis.HostLoopback), ("runc", AppAnalysis.PublishedPort), ("runsc", AppAnalysis.InContainer)],
            app.Rows.Select(r => (r.Mode, r.ClientPath)));
        Assert.Null(app.Rows[1][AppMetrics.ClientUp]);
        Assert.Equal(5, app.Rows[2][AppMetrics.ClientUp]!.Statistics.Units);
        // A host's engine start is its spawn: no ratio against it; the total and the load compare.
        Assert.NotNull(app.Rows[1][AppMetrics.EngineStart]!.NoRatio);
        Assert.Null(app.Rows[1][AppMetrics.EngineStart]!.Comparison);
        Assert.Null(app.Rows[1][AppMetrics.ColdStartTotal]!.NoRatio);
        Assert.Null(app.Rows[2][AppMetrics.Throughput]!.NoRatio);
    }

    [Fact]
    public async Task Report_has_the_app_section_its_table_and_both_charts()
    {
        using var run = AppRun();
        var outDir = Path.Combine(run.Path, "report");
        var result = await ReportGenerator.GenerateAsync(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, OutputDirectory = outDir }, CancellationToken.None);

        foreach (var chart in new[] { AppColdStartChart.Name, AppLoadChart.Name })
        {
            Assert.Contains(Path.Combine(outDir, chart + ".png"), result.FilesWritten);
            Assert.Contains(Path.Combine(outDir, chart + ".svg"), result.FilesWritten);
            Assert.True(new FileInfo(Path.Combine(outDir, chart + ".png")).Length > 1000);
        }

        var md = await File.ReadAllTextAsync(result.ReportMarkdown);
        var section = md[md.IndexOf("## app", StringComparison.Ordinal)..];
        Assert.Contains(AppSection.Method[..60], section, StringComparison.Ordinal);
        Assert.Contains($"runsc: {AppAnalysis.InContainer}", section, StringComparison.Ordinal);
        Assert.Contains($"runc: {AppAnalysis.PublishedPort}", section, StringComparison.Ordinal);
        Assert.Contains("App: median over containers", section, StringComparison.Ordinal);
        Assert.Contains("![app-cold-start](app-cold-start.png)", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_and_export_carry_the_app_metrics_with_their_declared_direction()
    {
        using var run = AppRun();
        var outDir = Path.Combine(run.Path, "report");
        await ReportGenerator.GenerateAsync(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, OutputDirectory = outDir, WriteCharts = false }, CancellationToken.None);

        var summary = (await File.ReadAllLinesAsync(Path.Combine(outDir, "summary.csv"))).Select(l => l.Split(',')).ToList();
        var header = summary[0].ToList();
        string Cell(string metric, string mode, string column) =>
            summary.Single(r => r[0] == AppMetrics.Workload && r[1] == metric && r[2] == mode)[header.IndexOf(column)];
        Assert.Equal("true", Cell(AppMetrics.Throughput, "runsc", "higher_is_better"));
        Assert.Equal("false", Cell(AppMetrics.LatencyP99, "runc", "higher_is_better"));
        Assert.Equal("false", Cell(AppMetrics.ColdStartTotal, "runsc", "higher_is_better"));
        using var bigger = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, BenchmarkActionExport.BiggerIsBetterFile)));
        using var smaller = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, BenchmarkActionExport.SmallerIsBetterFile)));
        Assert.Contains("app/app.requests_per_s [runc]", bigger.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Contains("app/app.cold_start_total [runsc]", smaller.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()));
    }
}
