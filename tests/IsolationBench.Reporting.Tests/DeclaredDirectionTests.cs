using IsolationBench.Reporting.Comparison;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Tests;

/// <summary>
/// report and compare judge a metric by the direction the run declares (manifest.json "metrics"), not by its unit:
/// "containers" that fit, higher is better, although the unit does not end in /s.
/// </summary>
public sealed class DeclaredDirectionTests
{
    private static readonly MetricDescriptor Fit = new("density", "fit", "containers that fit", "containers", MetricDirection.HigherIsBetter);

    [Fact]
    public void The_report_takes_a_declared_higher_is_better_from_the_manifest()
    {
        using var declared = new FixtureRun(7) { Modes = ["host", "runc"], Metrics = [Fit] };
        declared.Add("host", "density", "fit", "containers", 100, rounds: 10).Add("runc", "density", "fit", "containers", 50, rounds: 10).Write();

        var row = Runc(ReportGenerator.Analyze(declared.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports }));

        Assert.True(row.HigherIsBetter);
        // Half as many fit: twice as bad, so the overhead (> 1 = worse) is baseline/mode ≈ 2.
        Assert.InRange(row.Comparison!.Overhead, 1.8, 2.2);
    }

    [Fact]
    public void An_old_manifest_without_declarations_keeps_the_unit_guess()
    {
        using var old = new FixtureRun(7) { Modes = ["host", "runc"] };
        old.Add("host", "density", "fit", "containers", 100, rounds: 10).Add("runc", "density", "fit", "containers", 50, rounds: 10).Write();

        var row = Runc(ReportGenerator.Analyze(old.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports }));

        Assert.False(row.HigherIsBetter);
        Assert.InRange(row.Comparison!.Overhead, 0.45, 0.55);
    }

    [Fact]
    public void Compare_takes_the_direction_the_current_run_declares()
    {
        var before = new CompareSynthetic("before", 1).Add("runc", "density", "fit", "containers", 100, 0.03).Build();
        var after = new CompareSynthetic("after", 2).Add("runc", "density", "fit", "containers", 80, 0.03).Build() with
        {
            Directions = new MetricDirections([Fit]),
        };

        var result = RunComparer.Compare(new CompareSide("before", [before], []), new CompareSide("after", [after], []), new CompareOptions { BootstrapResamples = 2_000 });

        var change = Assert.Single(result.Changes);
        Assert.True(change.HigherIsBetter);
        Assert.Equal(ChangeVerdict.Regressed, change.Verdict);
    }

    private static MetricRow Runc(RunAnalysis analysis) => analysis.Rows.Single(r => r.Workload == "density" && r.Mode == "runc");
}
