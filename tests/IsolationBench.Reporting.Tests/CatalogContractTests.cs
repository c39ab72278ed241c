using IsolationBench.Workloads.Guest;
using IsolationBench.Workloads.Startup;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Results;
using IsolationBench.Results.Workloads;

namespace IsolationBench.Reporting.Tests;

/// <summary>
/// The contract between the workload catalogs: the reporting layer registers exactly the workloads the data layer
/// knows, metric ids are unique and declared with a direction, what a recorded run emitted is declared, and a run
/// with no samples at all still renders.
/// </summary>
public sealed class CatalogContractTests
{
    [Fact]
    public void Reporting_registers_exactly_the_workloads_of_the_data_catalog_in_its_order()
    {
        Assert.Equal(IsolationBench.Workloads.WorkloadModules.Descriptors.Select(w => w.Name), IsolationBench.Workloads.WorkloadModules.Reports.Select(r => r.Workload));
        Assert.Equal(IsolationBench.Workloads.WorkloadModules.Descriptors.Count, IsolationBench.Workloads.WorkloadModules.Descriptors.Select(w => w.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_workload_descriptor_is_complete_and_its_metrics_unique_and_directed()
    {
        Assert.All(IsolationBench.Workloads.WorkloadModules.Descriptors, w =>
        {
            Assert.False(string.IsNullOrWhiteSpace(w.Title), w.Name);
            Assert.NotEmpty(w.SupportedOs);
            Assert.True(w.Sampling.Rounds > 0, w.Name);
            Assert.All(w.Metrics, m => Assert.Equal(w.Name, m.Workload));
            Assert.All(w.Metrics, m => Assert.True(Enum.IsDefined(m.Direction), m.Id));
            Assert.Equal(w.Metrics.Count, w.Metrics.Select(m => m.Id).Distinct(StringComparer.Ordinal).Count());
            Assert.True(w.HeadlineMetric is null || w.Metrics.Any(m => m.Id == w.HeadlineMetric), w.Name);
        });
        Assert.Equal(GuestWorkloads.Categories, IsolationBench.Workloads.WorkloadModules.Descriptors.Where(w => w.Sampling.Strategy == "throughput").Select(w => w.Name));
    }

    [Fact]
    public void A_recorded_run_emitted_only_catalog_workloads_and_every_declared_workload_metric()
    {
        var samples = SampleCsv.Read(Path.Combine(AppContext.BaseDirectory, "Fixtures", "vm-run", SampleCsv.FileName));

        Assert.All(samples, s => Assert.NotNull(IsolationBench.Workloads.WorkloadModules.Descriptor(s.Workload)));
        Assert.Contains(samples, s => s.Workload == IsolationBench.Workloads.Startup.StartupModule.Workload.Name);
        // A workload the recorded run did not run (density is opt-in) emitted nothing to check.
        foreach (var workload in IsolationBench.Workloads.WorkloadModules.Descriptors.Where(w => w.Metrics.Count > 0 && samples.Any(s => s.Workload == w.Name)))
        {
            // The host has no create/remove phase, containers have them all: together the modes cover the declared ids, and emit no other.
            var emitted = samples.Where(s => s.Workload == workload.Name).Select(s => s.Metric).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            Assert.Equal(workload.Metrics.Select(m => m.Id).Order(StringComparer.Ordinal), emitted);
            Assert.All(samples.Where(s => s.Workload == workload.Name), s => Assert.Equal(workload.Metrics.Single(m => m.Id == s.Metric).Unit, s.Unit));
        }
    }

    [Fact]
    public void A_manifest_without_workload_descriptors_falls_back_to_the_catalog_and_one_with_them_is_read_as_written()
    {
        using var run = new FixtureRun(3) { Modes = ["host", "runc"] };
        run.WriteManifest();
        var old = run.Run.ReadManifest();
        Assert.Null(old.WorkloadDescriptors);
        Assert.Equal(old.Workloads, IsolationBench.Results.Workloads.WorkloadDescriptors.Of(old, IsolationBench.Workloads.WorkloadModules.Descriptors).Select(w => w.Name));
        Assert.Equal("Container startup", IsolationBench.Results.Workloads.WorkloadDescriptors.Of(old, IsolationBench.Workloads.WorkloadModules.Descriptors)[0].Title);

        run.Run.WriteManifest(old with { WorkloadDescriptors = [IsolationBench.Workloads.Startup.StartupModule.Workload with { Title = "Start-up as recorded" }] });
        var written = run.Run.ReadManifest();
        Assert.Equal("Start-up as recorded", Assert.Single(IsolationBench.Results.Workloads.WorkloadDescriptors.Of(written, IsolationBench.Workloads.WorkloadModules.Descriptors)).Title);
        Assert.Equal(StartupPhases.DescriptorsOf(StartupWorkloads.Startup), written.WorkloadDescriptors![0].Metrics);
    }

    [Fact]
    public async Task A_run_whose_every_sample_failed_still_renders_and_one_with_no_samples_says_why()
    {
        using var failed = new FixtureRun(5) { Modes = ["host", "runc"] };
        foreach (var workload in IsolationBench.Workloads.WorkloadModules.Descriptors)
        {
            failed.AddFailed("host", workload.Name, workload.HeadlineMetric ?? "Any", Units.Milliseconds, 2).AddFailed("runc", workload.Name, workload.HeadlineMetric ?? "Any", Units.Milliseconds, 2);
        }

        failed.Write();
        var result = await ReportGenerator.GenerateAsync(failed.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports }, CancellationToken.None);
        Assert.Contains("# IsolationBench report", File.ReadAllText(result.ReportMarkdown), StringComparison.Ordinal);

        using var none = new FixtureRun(5) { Modes = ["host"] };
        none.Write();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ReportGenerator.GenerateAsync(none.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports }, CancellationToken.None));
        Assert.Contains("--baseline", ex.Message, StringComparison.Ordinal);
    }
}
