using IsolationBench.Harness;
using IsolationBench.Harness.Lifecycle;
using IsolationBench.Harness.Cages;
using IsolationBench.Harness.Matrix;
using IsolationBench.Results;

namespace IsolationBench.Workloads.Startup;

/// <summary>
/// One probe lifecycle as a cell's result, for every startup path (engine, host process, runtime-direct): the probe's
/// output parsed and verified later by its fingerprint, a row per phase (<see cref="StartupPhases"/>) in ms, or a
/// failed row per phase with the reason.
/// </summary>
internal static class StartupCellResult
{
    public static CellResult From(WorkloadRun run, MatrixCell cell, RunContext context, string workload, bool host)
    {
        var (fingerprint, problem) = run.Ok ? ProbeOutput.Parse(run.StdOut) : (null, null);
        var failure = run.Failure ?? problem;
        var rows = SampleFactory.For(cell, context, workload) with { Source = run.Source, At = DateTimeOffset.UtcNow };
        IReadOnlyList<Sample> samples;
        double? total = null;
        if (failure is null && run.Timings is { } t)
        {
            var durations = host ? t.HostPhaseDurations() : t.ContainerPhaseDurations();
            total = durations.Single(d => d.Phase == StartupPhases.Total).Milliseconds;
            samples = [.. durations.Select(d => rows.Ok(d.Phase, Units.Milliseconds, d.Milliseconds))];
        }
        else
        {
            var phases = host ? StartupPhases.Host : StartupPhases.Container;
            samples = [.. phases.Append(StartupPhases.Total).Select(p => rows.Failed(p, Units.Milliseconds, failure ?? "unknown failure"))];
        }

        return new CellResult(samples, run.Source, fingerprint, failure, total);
    }
}
