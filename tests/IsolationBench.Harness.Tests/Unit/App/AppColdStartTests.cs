using IsolationBench.Workloads.App;
using System.Diagnostics;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Unit.App;

/// <summary>The cold start's phase arithmetic: contiguous phases that add up to the total, on each client path.</summary>
public sealed class AppColdStartTests
{
    private static long Ms(double ms) => (long)(ms * Stopwatch.Frequency / 1000);

    [Fact]
    public void On_the_host_client_path_the_phases_add_up_to_the_total_and_there_is_no_client_phase()
    {
        var phases = new AppColdStart(Ms(1000), Ms(1300), null, Ms(1700), Ms(1750)).Durations().ToDictionary(p => p.Metric, p => p.Milliseconds);

        Assert.Equal([AppMetrics.EngineStart, AppMetrics.ProcessUp, AppMetrics.FirstResponse, AppMetrics.ColdStartTotal], phases.Keys);
        Assert.Equal(300, phases[AppMetrics.EngineStart], 6);
        Assert.Equal(400, phases[AppMetrics.ProcessUp], 6);
        Assert.Equal(50, phases[AppMetrics.FirstResponse], 6);
        Assert.Equal(750, phases[AppMetrics.ColdStartTotal], 6);
    }

    [Fact]
    public void In_the_container_the_client_start_is_its_own_phase_and_still_part_of_the_total()
    {
        var phases = new AppColdStart(Ms(0), Ms(400), Ms(900), Ms(1500), Ms(1600)).Durations();

        Assert.Equal(AppMetrics.Phases.Concat([AppMetrics.ColdStartTotal]), phases.Select(p => p.Metric));
        Assert.Equal(500, phases.Single(p => p.Metric == AppMetrics.ClientUp).Milliseconds, 6);
        Assert.Equal(600, phases.Single(p => p.Metric == AppMetrics.ProcessUp).Milliseconds, 6);
        Assert.Equal(phases.Single(p => p.Metric == AppMetrics.ColdStartTotal).Milliseconds, phases.Where(p => p.Metric != AppMetrics.ColdStartTotal).Sum(p => p.Milliseconds), 6);
    }

    [Fact]
    public void A_line_seen_before_the_call_before_it_returned_makes_that_phase_zero_not_negative()
    {
        // The ready line arrived before start's answer (a fast runtime): process up is 0, the total is unchanged.
        var phases = new AppColdStart(Ms(0), Ms(500), null, Ms(450), Ms(520)).Durations().ToDictionary(p => p.Metric, p => p.Milliseconds);

        Assert.Equal(0, phases[AppMetrics.ProcessUp]);
        Assert.Equal(20, phases[AppMetrics.FirstResponse], 6);
        Assert.All(phases.Values, v => Assert.True(v >= 0));
        Assert.Equal(520, phases[AppMetrics.ColdStartTotal], 6);
        Assert.Equal(phases[AppMetrics.ColdStartTotal], phases[AppMetrics.EngineStart] + phases[AppMetrics.ProcessUp] + phases[AppMetrics.FirstResponse], 6);
    }
}
