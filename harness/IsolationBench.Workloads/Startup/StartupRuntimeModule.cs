using IsolationBench.Results;
using IsolationBench.Workloads.Startup.RuntimeDirect;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results.Workloads;

namespace IsolationBench.Workloads.Startup;

/// <summary>The startup probe straight on each mode's OCI runtime binary; its bundle and runtime state are removed when the run ends.</summary>
public sealed class StartupRuntimeModule : IWorkloadModule
{
    /// <summary>
    /// Runtime-direct startup (Linux, root): the startup probe straight on each mode's OCI runtime binary (runc, crun,
    /// runsc), no engine; beside startup it splits the engine path's total into the runtime's part and the engine's.
    /// Not in a default run (name it in --workloads).
    /// </summary>
    public static WorkloadDescriptor Workload { get; } = new(
        StartupWorkloads.RuntimeDirect,
        "Startup straight on the OCI runtime (no engine)",
        ["linux"],
        StartupPhases.Total,
        StartupPhases.DescriptorsOf(StartupWorkloads.RuntimeDirect),
        new SamplingPlan("cold start", Warmup: 3, Rounds: 30));

    public WorkloadDescriptor Descriptor => Workload;

    public HarnessWorkload Harness { get; } = new(
        Workload,
        WorkloadPlanning.ColdStart,
        RuntimeDirectSupport.ForMode,
        async (setup, ct) => new RuntimeDirectExecutor(
            setup.Engine as IImageFilesystem ?? throw new Harness.UsageException($"workload '{Workload.Name}' exports the probe image through a Docker engine: run it with container modes on a local engine"),
            setup.Facts!,
            await ProbePreparation.ImageAsync(setup, ct).ConfigureAwait(false),
            RunStateDir.DefaultBase))
    {
        NeedsEngineHost = "runs the engine's runtime binaries on this machine",
        ByDefault = false,
        Options = [ColdStartOptions.Cold],
    };

    public WorkloadReport Report { get; } = new(Workload.Name,
    [
        new(StartupSplitChart.Name, StartupSplitChart.Render),
    ])
    {
        Descriptor = Workload,
        Findings = StartupSplitSection.Findings,
        Tables = a => [.. StartupSplitSection.Tables(a), .. FirstVsWarm.Tables(a, Workload.Name)],
        NotComparable = StartupComparability.NotComparable,
        MetricOrder = StartupComparability.ReportedOrder,
        UnitIsLifecycle = true,
    };

    public ConsoleTable? Console { get; } = new(Workload.Name, StartupSplitTable.Write) { Draw = StartupSplitTable.Draw };
}
