using IsolationBench.Results;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results.Workloads;

namespace IsolationBench.Workloads.Startup;

/// <summary>Container startup: a fresh probe per sample, its lifecycle split into phases; the engine's own clock recorded beside it.</summary>
public sealed class StartupModule : IWorkloadModule
{
    /// <summary>The startup workload: a fresh probe per sample, its lifecycle split into <see cref="StartupPhases"/>.</summary>
    public static WorkloadDescriptor Workload { get; } = new(
        StartupWorkloads.Startup,
        "Container startup",
        ["linux", "windows"],
        StartupPhases.Total,
        StartupPhases.DescriptorsOf(StartupWorkloads.Startup),
        new SamplingPlan("cold start", Warmup: 3, Rounds: 30));

    public WorkloadDescriptor Descriptor => Workload;

    public HarnessWorkload Harness { get; } = new(
        Workload,
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

    public WorkloadReport Report { get; } = new(Workload.Name,
    [
        new(StartupPhasesChart.Name, StartupPhasesChart.Render),
        new(StartupDistributionChart.Name, StartupDistributionChart.Render),
    ])
    {
        Tables = a => FirstVsWarm.Tables(a, Workload.Name),
        Descriptor = Workload,
        HeadlineVerb = "starts",
        LeadsTheReport = true,
        EngineCrossChecked = true,
        NotComparable = StartupComparability.NotComparable,
        MetricOrder = StartupComparability.ReportedOrder,
        UnitIsLifecycle = true,
    };

    public ConsoleTable? Console { get; } = new(Workload.Name, StartupTable.Write) { Draw = StartupDrawnTable.Draw };
}
