using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Harness.Startup;

/// <summary>The startup workload: the probe in each mode, every phase (<see cref="StartupPhases"/>) timed.</summary>
public sealed class StartupExecutor(IContainerEngine? engine, string probeImage, string hostProbePath) : IWorkloadExecutor
{
    public bool CanRun(string workload) => workload == "startup";

    public async Task<CellResult> ExecuteAsync(MatrixCell cell, RunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(context);
        WorkloadRun run;
        string[] phases;
        if (cell.Mode.Kind == ModeKind.Host)
        {
            run = await HostProcessRunner.RunAsync(hostProbePath, [], TimeSpan.FromSeconds(30), requireReadyLine: true, context.HostLimits, cancellationToken).ConfigureAwait(false);
            phases = [.. StartupPhases.Host, StartupPhases.Total];
        }
        else
        {
            var lifecycle = new ContainerLifecycle(engine ?? throw new InvalidOperationException("container mode without an engine"));
            var spec = new ContainerSpec
            {
                Image = probeImage,
                Labels = Labels.For(context, cell),
                Runtime = cell.Mode.Runtime,
                Isolation = cell.Mode.Isolation,
                Limits = ContainerLimits.For(context.Resources),
            };
            run = await lifecycle.RunAsync(spec, cell.Mode.ContainerTimeout, afterExit: null, requireReadyLine: true, cancellationToken).ConfigureAwait(false);
            phases = [.. StartupPhases.Container, StartupPhases.Total];
        }

        var (fingerprint, problem) = run.Ok ? ProbeOutput.Parse(run.StdOut) : (null, null);
        var failure = run.Failure ?? problem;
        var now = DateTimeOffset.UtcNow;
        IReadOnlyList<Sample> samples;
        double? total = null;
        if (failure is null && run.Timings is { } t)
        {
            var durations = cell.Mode.Kind == ModeKind.Host ? t.HostPhaseDurations() : t.ContainerPhaseDurations();
            total = durations.Single(d => d.Phase == StartupPhases.Total).Milliseconds;
            samples = [.. durations.Select(d => Row(d.Phase, d.Milliseconds, SampleStatus.Ok))];
        }
        else
        {
            samples = [.. phases.Select(p => Row(p, double.NaN, SampleStatus.Failed(failure ?? "unknown failure")))];
        }

        return new CellResult(samples, run.Source, fingerprint, failure, total);

        Sample Row(string metric, double value, string status) => new()
        {
            RunId = context.RunId,
            Round = cell.Round,
            Mode = cell.Mode.Name,
            Workload = "startup",
            Metric = metric,
            Unit = Units.Milliseconds,
            Value = value,
            Status = status,
            Source = run.Source,
            TimestampUtc = now,
        };
    }
}
