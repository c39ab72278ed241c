using IsolationBench.Harness.Matrix;
using IsolationBench.Results;

namespace IsolationBench.Harness.Startup;

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
        var now = DateTimeOffset.UtcNow;
        IReadOnlyList<Sample> samples;
        double? total = null;
        if (failure is null && run.Timings is { } t)
        {
            var durations = host ? t.HostPhaseDurations() : t.ContainerPhaseDurations();
            total = durations.Single(d => d.Phase == StartupPhases.Total).Milliseconds;
            samples = [.. durations.Select(d => Row(d.Phase, d.Milliseconds, SampleStatus.Ok))];
        }
        else
        {
            var phases = host ? StartupPhases.Host : StartupPhases.Container;
            samples = [.. phases.Append(StartupPhases.Total).Select(p => Row(p, double.NaN, SampleStatus.Failed(failure ?? "unknown failure")))];
        }

        return new CellResult(samples, run.Source, fingerprint, failure, total);

        Sample Row(string metric, double value, string status) => new()
        {
            RunId = context.RunId,
            Round = cell.Round,
            Mode = cell.Mode.Name,
            Workload = workload,
            Metric = metric,
            Unit = Units.Milliseconds,
            Value = value,
            Status = status,
            Source = run.Source,
            TimestampUtc = now,
        };
    }
}
