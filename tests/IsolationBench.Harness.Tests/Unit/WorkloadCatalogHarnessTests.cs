using IsolationBench.Harness.Engine;
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
        Assert.Equal(["startup", "startup-runtime", "syscall", "io", "cpu", "memory", "network", "network-host", "app", "density"], IsolationBench.Workloads.WorkloadModules.Registry.Names);
        Assert.Equal(IsolationBench.Workloads.WorkloadModules.Descriptors.Select(w => w.Name), IsolationBench.Workloads.WorkloadModules.Registry.Names);
    }

    [Fact]
    public void A_run_without_workloads_runs_every_workload_but_runtime_direct_startup_the_density_ladder_and_the_networked_one()
    {
        Assert.Equal(["startup", "syscall", "io", "cpu", "memory", "network"], IsolationBench.Workloads.WorkloadModules.Registry.Parse(null));
        Assert.Equal(["density"], IsolationBench.Workloads.WorkloadModules.Registry.Parse("density"));
    }

    [Fact]
    public void Default_sampling_plans_are_the_run_options_defaults()
    {
        var defaults = new RunOptions();

        Assert.Equal((defaults.Warmup, defaults.Samples), (IsolationBench.Workloads.Startup.StartupModule.Workload.Sampling.Warmup, IsolationBench.Workloads.Startup.StartupModule.Workload.Sampling.Rounds));
        Assert.All(IsolationBench.Workloads.WorkloadModules.Registry.All.Where(w => w.Planning == WorkloadPlanning.GuestRounds), w => Assert.Equal(defaults.EffectiveGuestRounds, w.Descriptor.Sampling.Rounds));
    }

    [Fact]
    public void The_harness_registers_every_descriptor_of_the_workload_catalog_once_in_its_order()
    {
        Assert.Equal(IsolationBench.Workloads.WorkloadModules.Descriptors.Select(w => w.Name), IsolationBench.Workloads.WorkloadModules.Registry.All.Select(w => w.Name));
        Assert.All(IsolationBench.Workloads.WorkloadModules.Registry.All, w => Assert.Equal(IsolationBench.Workloads.WorkloadModules.Descriptor(w.Name), w.Descriptor));
    }

    [Fact]
    public void Each_workload_is_planned_as_its_sampling_plan_says()
    {
        Assert.All(IsolationBench.Workloads.WorkloadModules.Registry.All, w => Assert.Equal(
            w.Descriptor.Sampling.Strategy switch
            {
                "cold start" => WorkloadPlanning.ColdStart,
                "ladder" => WorkloadPlanning.Ladder,
                "client on the host" or "cold start and load" => WorkloadPlanning.OwnContainerRounds,
                _ => WorkloadPlanning.GuestRounds,
            },
            w.Planning));
    }

    [Fact]
    public void A_workload_the_host_cannot_run_is_refused_with_its_own_reason_and_the_others_pass()
    {
        var runc = IsolationMode.ForRuntime("runc");

        Assert.Null(IsolationBench.Workloads.WorkloadModules.Registry.Unsupported(IsolationBench.Workloads.WorkloadModules.Registry.Names.Where(w => w != "startup-runtime"), [IsolationMode.Host, runc], new SupportFacts("linux", "linux")));
        Assert.Equal(
            "workload 'cpu' has no benchmark on plan9 (the engine's OS): leave it out of --workloads (it runs on linux, windows)",
            IsolationBench.Workloads.WorkloadModules.Registry.Unsupported(["startup", "cpu"], [IsolationMode.Host, runc], new SupportFacts("linux", "plan9")));
        Assert.Null(IsolationBench.Workloads.WorkloadModules.Registry.Unsupported(["startup"], [IsolationMode.Host, runc], new SupportFacts("plan9", "plan9")));
        Assert.Equal(
            "workload 'density' reads Linux's MemAvailable and cgroups, and mode process runs on windows: leave it out of --workloads",
            IsolationBench.Workloads.WorkloadModules.Registry.Unsupported(["density"], [IsolationMode.ForWindowsIsolation("process")], new SupportFacts("windows", "windows")));
    }

    [Fact]
    public void Runtime_direct_startup_runs_only_container_modes_with_a_runtime_binary_on_a_linux_engine_as_root()
    {
        var runtimes = new Dictionary<string, RuntimeRegistration>(StringComparer.Ordinal)
        {
            ["runc"] = new("runc", [], string.Empty),
            ["runsc"] = new("/usr/local/bin/runsc", ["--network=none"], string.Empty),
            ["kata"] = new(string.Empty, [], "io.containerd.kata.v2"),
        };
        var root = new SupportFacts("linux", "linux") { Root = true, Runtimes = runtimes };
        var runc = IsolationMode.ForRuntime("runc");
        var runsc = IsolationMode.ForRuntime("runsc", runtimes["runsc"]);

        Assert.Null(IsolationBench.Workloads.WorkloadModules.Registry.Unsupported(["startup", "startup-runtime"], [runc, runsc], root));
        Assert.Equal(
            "workload 'startup-runtime' runs each container mode's OCI runtime without the engine, and mode host has none: leave host out of --modes (startup measures it)",
            IsolationBench.Workloads.WorkloadModules.Registry.Unsupported(["startup-runtime"], [IsolationMode.Host, runc], root));
        Assert.Equal(
            "workload 'startup-runtime': runtime kata is registered as containerd shim type io.containerd.kata.v2, with no binary to run without the engine: leave kata out of --modes",
            IsolationBench.Workloads.WorkloadModules.Registry.Unsupported(["startup-runtime"], [runc, IsolationMode.ForRuntime("kata", runtimes["kata"])], root));
        Assert.Equal(
            "workload 'startup-runtime': runtime-direct startup runs OCI runtimes directly, which needs root: run as root (sudo); or leave startup-runtime out of --workloads",
            IsolationBench.Workloads.WorkloadModules.Registry.Unsupported(["startup-runtime"], [runc], root with { Root = false }));
        Assert.Equal(
            "workload 'startup-runtime' needs a Linux engine's OCI runtime, and mode hyperv runs on windows: leave startup-runtime out of --workloads",
            IsolationBench.Workloads.WorkloadModules.Registry.Unsupported(["startup-runtime"], [IsolationMode.ForWindowsIsolation("hyperv")], new SupportFacts("windows", "windows") { Root = true }));
        Assert.False(IsolationBench.Workloads.WorkloadModules.Registry.Get("startup-runtime").ByDefault);
        Assert.Equal(WorkloadPlanning.ColdStart, IsolationBench.Workloads.WorkloadModules.Registry.Get("startup-runtime").Planning);
    }
}
