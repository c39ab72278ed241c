using System.Diagnostics;
using IsolationBench.Harness.Startup;

namespace IsolationBench.Harness.Tests.Unit;

public sealed class PhaseTimingsTests
{
    private static long Ms(double ms) => (long)(ms * Stopwatch.Frequency / 1000.0);

    [Fact]
    public void Container_phases_are_contiguous_and_add_up_to_the_total()
    {
        var t = new PhaseTimings(CreateCalled: 0, Attached: Ms(30), StartReturned: Ms(230), ReadySeen: Ms(235), ExitSeen: Ms(290), Removed: Ms(340));

        var phases = t.ContainerPhaseDurations().ToDictionary(p => p.Phase, p => p.Milliseconds);

        Assert.Equal(30, phases["create"], 3);
        Assert.Equal(200, phases["start"], 3);
        Assert.Equal(5, phases["ready"], 3);
        Assert.Equal(55, phases["exit"], 3);
        Assert.Equal(50, phases["remove"], 3);
        Assert.Equal(340, phases["total"], 3);
        Assert.Equal(phases["total"], phases.Where(p => p.Key != "total").Sum(p => p.Value), 6);
    }

    [Fact]
    public void A_ready_line_seen_before_start_returned_counts_as_zero_ready_time()
    {
        var t = new PhaseTimings(0, Ms(30), Ms(230), ReadySeen: Ms(200), ExitSeen: Ms(290), Removed: Ms(340));

        var phases = t.ContainerPhaseDurations().ToDictionary(p => p.Phase, p => p.Milliseconds);

        Assert.Equal(0, phases["ready"], 6);
        Assert.Equal(60, phases["exit"], 3);
        Assert.Equal(phases["total"], phases.Where(p => p.Key != "total").Sum(p => p.Value), 6);
    }

    [Fact]
    public void Host_process_has_no_create_or_remove_phase()
    {
        var t = new PhaseTimings(0, 0, Ms(1), Ms(3), Ms(8), Ms(8));

        Assert.Equal(["start", "ready", "exit", "total"], t.HostPhaseDurations().Select(p => p.Phase));
    }
}
