using IsolationBench.Workloads.Density;

namespace IsolationBench.Harness.Tests.Unit.Density;

/// <summary>The floor on recorded readings: a 24 GiB host (this machine) and a small one.</summary>
public sealed class DensityStopRuleTests
{
    private const long MiB = 1024 * 1024;
    private static readonly MemInfo Host24G = new(24L * 1024 * MiB, 20L * 1024 * MiB);

    [Fact]
    public void The_ladder_climbs_while_the_expected_memory_stays_above_the_floor()
    {
        // 16 → 32 runsc containers at ~24 MiB each: 384 MiB more, far above 20 % of 24 GiB.
        Assert.Null(DensityStopRule.BeforeStep(Host24G, alive: 16, next: 32, perContainerBytes: 24 * MiB, floor: 0.20));
    }

    [Fact]
    public void The_ladder_stops_before_a_step_that_would_cross_the_floor_and_says_where_it_would_land()
    {
        // 1 GiB host with 300 MiB available; the floor is 204.8 MiB; 8 → 16 containers of 13 MiB would leave 196 MiB.
        var small = new MemInfo(1024 * MiB, 300 * MiB);

        var reason = DensityStopRule.BeforeStep(small, alive: 8, next: 16, perContainerBytes: 13 * MiB, floor: 0.20);

        Assert.Equal("stopped before 16 containers: MemAvailable would fall to 196 MiB, under the floor of 20 % (205 MiB)", reason);
        Assert.Null(DensityStopRule.BeforeStep(small, alive: 4, next: 8, perContainerBytes: 13 * MiB, floor: 0.20));
    }

    [Fact]
    public void A_host_already_under_the_floor_starts_nothing()
    {
        var full = new MemInfo(1024 * MiB, 150 * MiB);

        Assert.NotNull(DensityStopRule.BeforeStep(full, alive: 0, next: 1, perContainerBytes: 0, floor: 0.20));
    }

    [Fact]
    public void Memory_freed_meanwhile_counts_as_no_cost_not_as_room_for_more()
    {
        // A negative per-container figure (the host freed page cache mid-ladder) must not let the ladder past the floor.
        var edge = new MemInfo(1000 * MiB, 201 * MiB);

        Assert.NotNull(DensityStopRule.BeforeStep(edge, alive: 4, next: 8, perContainerBytes: -50 * MiB, floor: 0.21));
    }

    [Fact]
    public void A_step_that_adds_nothing_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DensityStopRule.BeforeStep(Host24G, alive: 4, next: 4, perContainerBytes: 0, floor: 0.2));
}
