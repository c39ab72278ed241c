using IsolationBench.Reporting.Workloads;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results.Workloads;

namespace IsolationBench.Workloads.Startup;

/// <summary>Container startup: a fresh probe per sample, its lifecycle split into phases; the engine's own clock recorded beside it.</summary>
public sealed class StartupModule : IWorkloadModule
{
    public WorkloadDescriptor Descriptor => WorkloadCatalog.Startup;

    public HarnessWorkload Harness { get; } = new(
        WorkloadCatalog.Startup,
        WorkloadPlanning.ColdStart,
        (_, _) => null,
        async (setup, ct) => new StartupExecutor(
            setup.Engine,
            await ProbePreparation.ImageAsync(setup, ct).ConfigureAwait(false),
            await ProbePreparation.HostProbeAsync(setup, ct).ConfigureAwait(false)))
    {
        Options =
        [
            new WorkloadOption("--engine-bench")
            {
                Help = "also time the startup lifecycle with BenchmarkDotNet (between the two halves of the startup rounds) and cross-check it",
                Bind = (o, _) => o with { EngineBench = true },
                IsSet = o => o.EngineBench,
                WithoutOwner = "--engine-bench measures the startup lifecycle: add startup to --workloads",
            },
            ColdStartOptions.Cold,
        ],
        DuringRun = (setup, context, ct) => setup.Engine is { } engine
            ? EngineEventRecorder.Start(engine, context.RunId, context.Directory.EngineEvents, setup.Log, ct)
            : null,
        AnchorsEngineBench = true,
    };

    public WorkloadReport Report { get; } = new(WorkloadCatalog.Startup.Name,
    [
        new(StartupPhasesChart.Name, StartupPhasesChart.Render),
        new(StartupDistributionChart.Name, StartupDistributionChart.Render),
    ])
    {
        Tables = a => FirstVsWarm.Tables(a, WorkloadCatalog.Startup.Name),
        HeadlineVerb = "starts",
        NotComparable = StartupComparability.NotComparable,
        MetricOrder = StartupComparability.ReportedOrder,
        UnitIsLifecycle = true,
    };

    public ConsoleTable? Console { get; } = new(WorkloadCatalog.Startup.Name, StartupTable.Write) { Draw = StartupDrawnTable.Draw };
}
