using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;

namespace IsolationBench.Harness.Tests.Unit;

public sealed class MatrixPlanTests
{
    private static readonly IsolationMode[] Modes = [IsolationMode.Host, IsolationMode.ForRuntime("runc"), IsolationMode.ForRuntime("crun")];

    private static IsolationMode[] ModesOf(int n) =>
        [IsolationMode.Host, .. Enumerable.Range(1, n - 1).Select(i => IsolationMode.ForRuntime("rt" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    [Fact]
    public void Modes_are_interleaved_within_each_round_after_the_warmups()
    {
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["startup"], startupSamples: 3, startupWarmup: 2, guestRounds: 1);

        Assert.Equal(15, plan.Count);
        Assert.All(plan.Take(6), c => Assert.True(c.Warmup));
        Assert.All(plan.Skip(6), c => Assert.False(c.Warmup));
        Assert.Equal([1, 1, 1, 2, 2, 2, 3, 3, 3], plan.Skip(6).Select(c => c.Round));
        Assert.All(plan.Skip(6).Chunk(3), round => Assert.Equal(["crun", "host", "runc"], round.Select(c => c.Mode.Name).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void The_order_changes_from_round_to_round()
    {
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["startup"], startupSamples: 3, startupWarmup: 0, guestRounds: 1);

        Assert.Equal(
            ["host", "runc", "crun", "runc", "crun", "host", "crun", "host", "runc"],
            plan.Select(c => c.Mode.Name));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Over_one_cycle_every_mode_is_in_every_position_and_after_every_other_mode_equally_often(int n)
    {
        var cycle = BalancedOrder.Cycle(n);
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, ModesOf(n), ["startup"], startupSamples: cycle, startupWarmup: 0, guestRounds: 0);

        var positions = plan.GroupBy(c => (c.Mode.Name, c.Position)).Select(g => g.Count()).ToList();
        Assert.Equal(n * n, positions.Count);
        Assert.All(positions, count => Assert.Equal(cycle / n, count));

        var pairs = plan.Where(c => c.Predecessor.Length > 0).GroupBy(c => (c.Predecessor, c.Mode.Name)).Select(g => g.Count()).ToList();
        Assert.Equal(n * (n - 1), pairs.Count);
        Assert.All(pairs, count => Assert.Equal(cycle / n, count));
    }

    [Fact]
    public void An_odd_number_of_modes_needs_two_squares_for_a_cycle()
    {
        Assert.Equal(6, BalancedOrder.Cycle(3));
        Assert.Equal(4, BalancedOrder.Cycle(4));
        Assert.Equal(1, BalancedOrder.Cycle(1));
    }

    [Fact]
    public void Position_and_predecessor_describe_the_cell_before_it_in_the_same_round()
    {
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["startup", "cpu", "io"], startupSamples: 4, startupWarmup: 1, guestRounds: 2);

        foreach (var round in plan.GroupBy(c => (c.Round, c.Warmup, c.Workload)))
        {
            var cells = round.ToList();
            Assert.Equal([1, 2, 3], cells.Select(c => c.Position));
            Assert.Equal([string.Empty, cells[0].Mode.Name, cells[1].Mode.Name], cells.Select(c => c.Predecessor));
        }
    }

    [Fact]
    public void Guest_categories_of_a_round_share_one_container_per_mode_in_the_balanced_mode_order()
    {
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["startup", "io", "cpu", "memory"], startupSamples: 3, startupWarmup: 0, guestRounds: 6);
        var guest = plan.Where(c => c.Workload != "startup").ToList();

        // Each container is three consecutive cells: the same round, mode, position and predecessor, every category in order.
        var containers = guest.Chunk(3).ToList();
        Assert.Equal(6 * 3, containers.Count);
        Assert.All(containers, c =>
        {
            Assert.Equal(["io", "cpu", "memory"], c.Select(x => x.Workload));
            Assert.All(c, x => Assert.Equal("io,cpu,memory", x.Batch));
            Assert.Single(c.Select(x => (x.Round, x.Mode.Name, x.Position, x.Predecessor)).Distinct());
        });

        // Six rounds of three modes = one Williams cycle: each mode leads twice and follows each other mode equally often.
        Assert.All(containers.Where(c => c[0].Position == 1).GroupBy(c => c[0].Mode.Name), g => Assert.Equal(2, g.Count()));
        Assert.All(containers.Where(c => c[0].Position > 1).GroupBy(c => (c[0].Predecessor, c[0].Mode.Name)), g => Assert.Equal(2, g.Count()));
        Assert.All(plan.Where(c => c.Workload == "startup"), c => Assert.Empty(c.Batch));
    }

    [Fact]
    public void The_plan_is_the_same_every_time_so_a_resume_retakes_exactly_the_missing_cells()
    {
        var a = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["startup", "io", "cpu"], startupSamples: 7, startupWarmup: 2, guestRounds: 5);
        var b = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["startup", "io", "cpu"], startupSamples: 7, startupWarmup: 2, guestRounds: 5);

        Assert.Equal(a, b);
        Assert.Equal(a.Count, a.Select(c => c.Key).Distinct().Count());
        // The key stays round/workload/mode: samples.csv written before the balanced order still resumes.
        Assert.Contains("3/io/runc", a.Select(c => c.Key));
    }

    [Fact]
    public void Guest_categories_run_once_per_round_in_every_mode_without_warmup_cells()
    {
        var plan = MatrixPlan.Build(IsolationBench.Workloads.WorkloadModules.Registry, Modes, ["io", "cpu"], startupSamples: 30, startupWarmup: 3, guestRounds: 2);

        Assert.Equal(2 * 2 * 3, plan.Count);
        Assert.DoesNotContain(plan, c => c.Warmup || c.Workload == "startup");
        Assert.Equal(["io", "cpu", "io", "cpu", "io", "cpu"], plan.Take(6).Select(c => c.Workload));
    }
}
