namespace IsolationBench.Reporting.Tests;

/// <summary>A run through a remote engine: its figures are the engine host's, and the report and charts name that host.</summary>
public sealed class RemoteEngineReportTests
{
    [Fact]
    public async Task The_report_and_chart_headers_name_the_remote_engine_host_and_where_isobench_ran()
    {
        using var f = FixtureRun.Realistic();
        var manifest = f.Run.ReadManifest();
        manifest = manifest with { Engine = manifest.Engine! with { Remote = true, Name = "far-host", Cpus = 16, MemoryBytes = 64L << 30 } };
        f.Run.WriteManifest(manifest);

        var result = await ReportGenerator.GenerateAsync(f.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, BootstrapResamples = 1_000 }, CancellationToken.None);

        var md = await File.ReadAllTextAsync(result.ReportMarkdown);
        Assert.Contains("far-host: 16 CPUs, 64.0 GiB — remote", md, StringComparison.Ordinal);
        var svg = await File.ReadAllTextAsync(Path.Combine(result.OutputDirectory, "overview.svg"));
        Assert.Contains("far-host (remote engine, from testhost): ", svg, StringComparison.Ordinal);
    }
}
