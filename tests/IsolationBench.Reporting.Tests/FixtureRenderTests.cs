namespace IsolationBench.Reporting.Tests;

/// <summary>Renders the realistic fixture into ISOBENCH_FIXTURE_OUT when set, so a person can look at the charts.</summary>
public sealed class FixtureRenderTests
{
    [Fact]
    public async Task Realistic_fixture_renders_to_the_folder_named_by_ISOBENCH_FIXTURE_OUT()
    {
        var target = Environment.GetEnvironmentVariable("ISOBENCH_FIXTURE_OUT");
        if (string.IsNullOrEmpty(target))
        {
            return;
        }

        Directory.CreateDirectory(target);
        var fixture = FixtureRun.Realistic(target);
        var result = await ReportGenerator.GenerateAsync(fixture.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports }, CancellationToken.None);
        Assert.NotEmpty(result.FilesWritten);
    }
}
