using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;

namespace IsolationBench.Harness.Tests.Unit;

public sealed class MatrixPlanTests
{
    private static readonly IsolationMode[] Modes = [IsolationMode.Host, IsolationMode.ForRuntime("runc"), IsolationMode.ForRuntime("crun")];

    [Fact]
    public void Modes_are_interleaved_within_each_round_after_the_warmups()
    {
        var plan = MatrixPlan.Build(Modes, ["startup"], startupSamples: 3, startupWarmup: 2, guestRounds: 1);

        Assert.Equal(15, plan.Count);
        Assert.All(plan.Take(6), c => Assert.True(c.Warmup));
        Assert.All(plan.Skip(6), c => Assert.False(c.Warmup));
        Assert.Equal(
            ["host", "runc", "crun", "host", "runc", "crun", "host", "runc", "crun"],
            plan.Skip(6).Select(c => c.Mode.Name));
        Assert.Equal([1, 1, 1, 2, 2, 2, 3, 3, 3], plan.Skip(6).Select(c => c.Round));
    }

    [Fact]
    public void Cell_keys_are_unique_so_a_resume_can_skip_exactly_what_was_done()
    {
        var plan = MatrixPlan.Build(Modes, ["startup", "io", "cpu"], startupSamples: 5, startupWarmup: 1, guestRounds: 2);

        Assert.Equal(plan.Count, plan.Select(c => c.Key).Distinct().Count());
    }

    [Fact]
    public void Guest_categories_run_once_per_round_in_every_mode_without_warmup_cells()
    {
        var plan = MatrixPlan.Build(Modes, ["io", "cpu"], startupSamples: 30, startupWarmup: 3, guestRounds: 2);

        Assert.Equal(2 * 2 * 3, plan.Count);
        Assert.DoesNotContain(plan, c => c.Warmup || c.Workload == "startup");
        Assert.Equal(["io", "io", "io", "cpu", "cpu", "cpu"], plan.Take(6).Select(c => c.Workload));
    }
}
