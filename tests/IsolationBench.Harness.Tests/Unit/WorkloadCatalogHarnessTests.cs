using IsolationBench.Harness.Modes;
using IsolationBench.Results.Workloads;
using Xunit;

namespace IsolationBench.Harness.Tests.Unit;

/// <summary>The harness accepts exactly the catalog's workloads, and the catalog's default sampling plans are the options' defaults.</summary>
public sealed class WorkloadCatalogHarnessTests
{
    [Fact]
    public void Workloads_accepted_are_the_catalog_in_its_order()
    {
        Assert.Equal(["startup", "syscall", "io", "cpu", "memory", "network"], Selection.Workloads);
        Assert.Equal(WorkloadCatalog.BuiltIn.Select(w => w.Name), Selection.WorkloadList(null));
    }

    [Fact]
    public void Default_sampling_plans_are_the_run_options_defaults()
    {
        var defaults = new RunOptions();

        Assert.Equal((defaults.Warmup, defaults.Samples), (WorkloadCatalog.Startup.Sampling.Warmup, WorkloadCatalog.Startup.Sampling.Rounds));
        Assert.All(WorkloadCatalog.BuiltIn.Where(w => w != WorkloadCatalog.Startup), w => Assert.Equal(defaults.EffectiveGuestRounds, w.Sampling.Rounds));
    }
}
