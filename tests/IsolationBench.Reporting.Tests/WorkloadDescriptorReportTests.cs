using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;
using IsolationBench.Results.Workloads;

namespace IsolationBench.Reporting.Tests;

/// <summary>The report reads a workload's headline from the run's own descriptor, so a workload this version does not know is still reported as recorded.</summary>
public sealed class WorkloadDescriptorReportTests
{
    private static readonly WorkloadDescriptor Density = new(
        "density",
        "Density",
        ["linux"],
        "memory_per_container",
        [
            new("density", "memory_per_container", "memory per container", "MiB", MetricDirection.LowerIsBetter),
            new("density", "launch_rate", "launches per second", "containers/s", MetricDirection.HigherIsBetter),
        ],
        new SamplingPlan("ladder", 0, 1));

    [Fact]
    public void A_recorded_headline_metric_gives_one_verdict_on_it_instead_of_a_summary()
    {
        using var run = new FixtureRun(11) { Modes = ["host", "runc"], Workloads = ["density"], WorkloadDescriptors = [Density] };
        run.Add("host", "density", "memory_per_container", "MiB", 4, rounds: 10).Add("runc", "density", "memory_per_container", "MiB", 8, rounds: 10)
            .Add("host", "density", "launch_rate", "containers/s", 100, rounds: 10).Add("runc", "density", "launch_rate", "containers/s", 20, rounds: 10)
            .Write();

        var analysis = ReportGenerator.Analyze(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports });
        var verdict = Assert.Single(Output.Verdicts.For(analysis), v => v.Workload == "density");

        Assert.Equal("memory_per_container", analysis.HeadlineOf("density"));
        Assert.Contains("memory_per_container", verdict.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("geometric-mean", verdict.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_recorded_descriptor_an_unknown_workload_is_summarised_over_its_metrics()
    {
        using var run = new FixtureRun(11) { Modes = ["host", "runc"], Workloads = ["footprint"] };
        run.Add("host", "footprint", "memory_per_container", "MiB", 4, rounds: 10).Add("runc", "footprint", "memory_per_container", "MiB", 8, rounds: 10)
            .Add("host", "footprint", "launch_rate", "containers/s", 100, rounds: 10).Add("runc", "footprint", "launch_rate", "containers/s", 20, rounds: 10)
            .Write();

        var analysis = ReportGenerator.Analyze(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports });
        var verdict = Assert.Single(Output.Verdicts.For(analysis), v => v.Workload == "footprint");

        Assert.Null(analysis.HeadlineOf("footprint"));
        Assert.Contains("geometric-mean", verdict.Sentence, StringComparison.Ordinal);
    }
}
