using IsolationBench.Workloads.Startup.RuntimeDirect;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results.Workloads;

namespace IsolationBench.Workloads.Startup;

/// <summary>The startup probe straight on each mode's OCI runtime binary; its bundle and runtime state are removed when the run ends.</summary>
public sealed class StartupRuntimeModule : IWorkloadModule
{
    public WorkloadDescriptor Descriptor => WorkloadCatalog.StartupRuntime;

    public HarnessWorkload Harness { get; } = new(
        WorkloadCatalog.StartupRuntime,
        WorkloadPlanning.ColdStart,
        RuntimeDirectSupport.ForMode,
        async (setup, ct) => new RuntimeDirectExecutor(
            setup.Engine as IImageFilesystem ?? throw new Harness.UsageException($"workload '{WorkloadCatalog.StartupRuntime.Name}' exports the probe image through a Docker engine: run it with container modes on a local engine"),
            setup.Facts!,
            await ProbePreparation.ImageAsync(setup, ct).ConfigureAwait(false),
            RunStateDir.DefaultBase))
    {
        NeedsEngineHost = "runs the engine's runtime binaries on this machine",
        ByDefault = false,
        Options = [ColdStartOptions.Cold],
    };

    public WorkloadReport Report { get; } = new(WorkloadCatalog.StartupRuntime.Name,
    [
        new(StartupSplitChart.Name, StartupSplitChart.Render),
    ])
    {
        Findings = StartupSplitSection.Findings,
        Tables = a => [.. StartupSplitSection.Tables(a), .. FirstVsWarm.Tables(a, WorkloadCatalog.StartupRuntime.Name)],
        NotComparable = StartupComparability.NotComparable,
        MetricOrder = StartupComparability.ReportedOrder,
        UnitIsLifecycle = true,
    };

    public ConsoleTable? Console { get; } = new(WorkloadCatalog.StartupRuntime.Name, StartupSplitTable.Write) { Draw = StartupSplitTable.Draw };
}
