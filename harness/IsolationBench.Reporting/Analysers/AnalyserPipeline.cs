using IsolationBench.Reporting.Workloads;

namespace IsolationBench.Reporting.Analysers;

/// <summary>
/// The analysers of a report, in the order their conclusions are listed: the run's state first, then each workload's
/// own (in the workloads' order), then the checks that close (few units, failed samples, the design checks).
/// </summary>
public static class AnalyserPipeline
{
    public static IReadOnlyList<IAnalyser> For(IReadOnlyList<WorkloadReport> workloads)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        return
        [
            new RunStatusAnalyser(),
            .. workloads.SelectMany(w => w.Analysers),
            new FewUnitsAnalyser(),
            new FailedSamplesAnalyser(),
            new OrderEffectAnalyser(),
            new EngineClockAnalyser(),
        ];
    }

    public static Conclusions Run(AnalyserInput input, IReadOnlyList<WorkloadReport> workloads) =>
        Conclusions.Combine(For(workloads).Select(a => a.Analyse(input)));
}
