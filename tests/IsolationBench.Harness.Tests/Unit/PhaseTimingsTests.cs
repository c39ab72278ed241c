using IsolationBench.Harness.Lifecycle;
using System.Diagnostics;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Unit;

public sealed class PhaseTimingsTests
{
    private static long Ms(double ms) => (long)(ms * Stopwatch.Frequency / 1000.0);

    [Fact]
    public void Container_phases_are_contiguous_and_add_up_to_the_total()
    {
        var t = new PhaseTimings(CreateCalled: 0, Attached: Ms(30), StartReturned: Ms(230), ReadySeen: Ms(235), FingerprintSeen: Ms(275), ExitSeen: Ms(290), Removed: Ms(340));

        var phases = t.ContainerPhaseDurations().ToDictionary(p => p.Phase, p => p.Milliseconds);

        Assert.Equal(StartupPhases.All, t.ContainerPhaseDurations().Select(p => p.Phase));
        Assert.Equal(30, phases["create"], 3);
        Assert.Equal(200, phases["start"], 3);
        Assert.Equal(5, phases["ready"], 3);
        Assert.Equal(40, phases["fingerprint"], 3);
        Assert.Equal(15, phases["exit"], 3);
        Assert.Equal(50, phases["remove"], 3);
        Assert.Equal(340, phases["total"], 3);
        Assert.Equal(phases["total"], phases.Where(p => p.Key != "total").Sum(p => p.Value), 6);
    }

    [Fact]
    public void A_ready_line_seen_before_start_returned_counts_as_zero_ready_time()
    {
        var t = new PhaseTimings(0, Ms(30), Ms(230), ReadySeen: Ms(200), FingerprintSeen: Ms(240), ExitSeen: Ms(290), Removed: Ms(340));

        var phases = t.ContainerPhaseDurations().ToDictionary(p => p.Phase, p => p.Milliseconds);

        Assert.Equal(0, phases["ready"], 6);
        Assert.Equal(10, phases["fingerprint"], 3);
        Assert.Equal(50, phases["exit"], 3);
        Assert.Equal(phases["total"], phases.Where(p => p.Key != "total").Sum(p => p.Value), 6);
    }

    [Fact]
    public void Both_lines_before_start_returned_leave_ready_and_fingerprint_at_zero_and_no_phase_negative()
    {
        var t = new PhaseTimings(0, Ms(30), Ms(230), ReadySeen: Ms(200), FingerprintSeen: Ms(210), ExitSeen: Ms(290), Removed: Ms(340));

        var phases = t.ContainerPhaseDurations().ToDictionary(p => p.Phase, p => p.Milliseconds);

        Assert.Equal(0, phases["ready"], 6);
        Assert.Equal(0, phases["fingerprint"], 6);
        Assert.Equal(60, phases["exit"], 3);
        Assert.All(phases.Values, v => Assert.True(v >= 0));
        Assert.Equal(phases["total"], phases.Where(p => p.Key != "total").Sum(p => p.Value), 6);
    }

    [Fact]
    public void Without_a_fingerprint_line_the_fingerprint_phase_is_zero()
    {
        var t = new PhaseTimings(0, Ms(30), Ms(230), ReadySeen: Ms(235), FingerprintSeen: null, ExitSeen: Ms(290), Removed: Ms(340));

        var phases = t.ContainerPhaseDurations().ToDictionary(p => p.Phase, p => p.Milliseconds);

        Assert.Equal(0, phases["fingerprint"], 6);
        Assert.Equal(55, phases["exit"], 3);
    }

    [Fact]
    public void Host_process_has_no_create_or_remove_phase_and_still_adds_up()
    {
        var t = new PhaseTimings(0, 0, Ms(1), Ms(3), Ms(6), Ms(8), Ms(8));

        var phases = t.HostPhaseDurations();

        Assert.Equal([.. StartupPhases.Host, StartupPhases.Total], phases.Select(p => p.Phase));
        Assert.Equal(3, phases.Single(p => p.Phase == "fingerprint").Milliseconds, 3);
        Assert.Equal(2, phases.Single(p => p.Phase == "exit").Milliseconds, 3);
        Assert.Equal(phases[^1].Milliseconds, phases.SkipLast(1).Sum(p => p.Milliseconds), 6);
    }

    [Fact]
    public void The_probes_own_clock_sets_the_fingerprint_phase_when_its_lines_arrived_in_one_read()
    {
        // Ready and done line in one chunk: by arrival the fingerprint phase is 0 (one in six runc lifecycles here).
        var t = new PhaseTimings(0, Ms(30), Ms(230), ReadySeen: Ms(235), FingerprintSeen: Ms(235), ExitSeen: Ms(290), Removed: Ms(340), ProbeFingerprintMs: 2.5);

        var phases = t.ContainerPhaseDurations().ToDictionary(p => p.Phase, p => p.Milliseconds);

        // The lines came together at 235: the probe wrote its ready line by 232.5 at the latest.
        Assert.Equal(2.5, phases["ready"], 3);
        Assert.Equal(2.5, phases["fingerprint"], 3);
        Assert.Equal(55, phases["exit"], 3);
        Assert.Equal(phases[StartupPhases.Total], phases.Where(p => p.Key != StartupPhases.Total).Sum(p => p.Value), 6);
    }

    [Fact]
    public void A_ready_line_read_late_does_not_cut_a_host_processs_short_exit_phase_to_zero()
    {
        // Host: spawn returned at 1, ready line read only at 3.5 (with the done line), exit seen at 4. The probe took 2 ms
        // for its fingerprint. By the ready line's arrival, ready + 2 ms would pass the exit and clamp exit to 0 — one
        // host lifecycle in three here, which left the exit phase without an interval.
        var t = new PhaseTimings(0, 0, Ms(1), Ms(3.5), Ms(3.5), Ms(4), Ms(4), ProbeFingerprintMs: 2);

        var phases = t.HostPhaseDurations().ToDictionary(p => p.Phase, p => p.Milliseconds);

        Assert.Equal(0.5, phases["ready"], 3);
        Assert.Equal(2, phases["fingerprint"], 3);
        Assert.Equal(0.5, phases["exit"], 3);
        Assert.Equal(phases[StartupPhases.Total], phases.Where(p => p.Key != StartupPhases.Total).Sum(p => p.Value), 6);
    }

    [Fact]
    public void A_probe_measure_longer_than_the_time_to_exit_is_clamped_so_the_phases_still_add_up()
    {
        var t = new PhaseTimings(0, 0, Ms(1), Ms(3), Ms(3), Ms(8), Ms(8), ProbeFingerprintMs: 9);

        var phases = t.HostPhaseDurations().ToDictionary(p => p.Phase, p => p.Milliseconds);

        Assert.Equal(0, phases["ready"], 6);
        Assert.Equal(7, phases["fingerprint"], 3);
        Assert.Equal(0, phases["exit"], 6);
        Assert.Equal(phases[StartupPhases.Total], phases.Where(p => p.Key != StartupPhases.Total).Sum(p => p.Value), 6);
    }
}
