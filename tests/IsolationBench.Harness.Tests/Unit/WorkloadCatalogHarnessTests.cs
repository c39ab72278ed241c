using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results.Workloads;
using Xunit;

namespace IsolationBench.Harness.Tests.Unit;

/// <summary>The harness accepts exactly the catalog's workloads, and the catalog's default sampling plans are the options' defaults.</summary>
public sealed class WorkloadCatalogHarnessTests
{
    [Fact]
    public void Workloads_accepted_are_the_catalog_in_its_order()
    {
        Assert.Equal(["startup", "syscall", "io", "cpu", "memory", "network", "network-host", "density"], Selection.Workloads);
        Assert.Equal(WorkloadCatalog.BuiltIn.Select(w => w.Name), Selection.Workloads);
    }

    [Fact]
    public void A_run_without_workloads_runs_every_workload_but_the_density_ladder_and_the_networked_one()
    {
        Assert.Equal(["startup", "syscall", "io", "cpu", "memory", "network"], Selection.WorkloadList(null));
        Assert.Equal(["density"], Selection.WorkloadList("density"));
    }

    [Fact]
    public void Default_sampling_plans_are_the_run_options_defaults()
    {
        var defaults = new RunOptions();

        Assert.Equal((defaults.Warmup, defaults.Samples), (WorkloadCatalog.Startup.Sampling.Warmup, WorkloadCatalog.Startup.Sampling.Rounds));
        Assert.All(HarnessCatalog.BuiltIn.Where(w => w.Planning == WorkloadPlanning.GuestRounds), w => Assert.Equal(defaults.EffectiveGuestRounds, w.Descriptor.Sampling.Rounds));
    }

    [Fact]
    public void The_harness_registers_every_descriptor_of_the_workload_catalog_once_in_its_order()
    {
        Assert.Equal(WorkloadCatalog.BuiltIn.Select(w => w.Name), HarnessCatalog.BuiltIn.Select(w => w.Name));
        Assert.All(HarnessCatalog.BuiltIn, w => Assert.Equal(WorkloadCatalog.Find(w.Name), w.Descriptor));
    }

    [Fact]
    public void Each_workload_is_planned_as_its_sampling_plan_says()
    {
        Assert.All(HarnessCatalog.BuiltIn, w => Assert.Equal(
            w.Descriptor.Sampling.Strategy switch
            {
                "cold start" => WorkloadPlanning.ColdStart,
                "ladder" => WorkloadPlanning.Ladder,
                "client on the host" => WorkloadPlanning.OwnContainerRounds,
                _ => WorkloadPlanning.GuestRounds,
            },
            w.Planning));
    }

    [Fact]
    public void A_workload_the_host_cannot_run_is_refused_with_its_own_reason_and_the_others_pass()
    {
        var runc = IsolationMode.ForRuntime("runc");

        Assert.Null(HarnessCatalog.Unsupported(Selection.Workloads, [IsolationMode.Host, runc], new SupportFacts("linux", "linux")));
        Assert.Equal(
            "workload 'cpu' has no benchmark on plan9 (the engine's OS): leave it out of --workloads (it runs on linux, windows)",
            HarnessCatalog.Unsupported(["startup", "cpu"], [IsolationMode.Host, runc], new SupportFacts("linux", "plan9")));
        Assert.Null(HarnessCatalog.Unsupported(["startup"], [IsolationMode.Host, runc], new SupportFacts("plan9", "plan9")));
        Assert.Equal(
            "workload 'density' reads Linux's MemAvailable and cgroups, and mode process runs on windows: leave it out of --workloads",
            HarnessCatalog.Unsupported(["density"], [IsolationMode.ForWindowsIsolation("process")], new SupportFacts("windows", "windows")));
    }
}
