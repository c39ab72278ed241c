using IsolationBench.Harness;
using System.Globalization;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Cages;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Workloads.Density;

/// <summary>
/// The density workload in one mode: held probes started one after another up the ladder (<see cref="DensityLadder"/>),
/// the host's memory read at each step, the ladder stopped by <see cref="DensityStopRule"/> or a failed start, then
/// every probe removed (containers carry the run's labels, so the sweep finds any left behind).
/// </summary>
public sealed class DensityExecutor(IContainerEngine? engine, string probeImage, string hostProbePath, int max, double floor) : IWorkloadExecutor
{
    // Before the first step nothing is known of a container's cost: assume a generous one so that a nearly full host never starts.
    private const double AssumedBytesPerContainer = 256.0 * 1024 * 1024;

    // Page-cache and runtime bookkeeping settle after the last start; read a moment later (measured here: 1 s is enough for runc, runsc).
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    public bool CanRun(string workload) => workload == DensityMetrics.Workload;

    public async Task<CellResult> ExecuteAsync(MatrixCell cell, RunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(context);
        var samples = new List<Sample>();
        var held = new List<IHeldProbe>();
        IsolationFingerprint? fingerprint = null;
        string? failure = null;
        string? stop = null;
        try
        {
            var before = MemInfo.Read();
            var now = before;
            var perContainer = AssumedBytesPerContainer;
            foreach (var step in DensityLadder.Steps(max))
            {
                stop = DensityStopRule.BeforeStep(now, held.Count, step, perContainer, floor);
                if (stop is not null)
                {
                    break;
                }

                while (held.Count < step && failure is null)
                {
                    var started = await StartAsync(cell, context, cancellationToken).ConfigureAwait(false);
                    if (started.Probe is not { } probe)
                    {
                        failure = string.Create(CultureInfo.InvariantCulture, $"container {held.Count + 1} of the ladder did not start: {started.Failure}");
                        break;
                    }

                    held.Add(probe);
                    fingerprint ??= probe.Fingerprint;
                    samples.Add(Row(cell, context, DensityMetrics.StartLatency, Units.Milliseconds, probe.StartMilliseconds, held.Count, probe.Source));
                }

                if (failure is not null)
                {
                    break;
                }

                await Task.Delay(Settle, cancellationToken).ConfigureAwait(false);
                // A probe that ended costs nothing: the step would understate every figure (seen: gVisor ending held probes).
                if (await FirstEndedAsync(held, cancellationToken).ConfigureAwait(false) is { } ended)
                {
                    failure = $"held probe {ended} ended before the step at {step} containers was read";
                    break;
                }

                now = MemInfo.Read();
                var footprint = HostFootprint.Read(held);
                var n = held.Count;
                samples.Add(Row(cell, context, DensityMetrics.AvailableDrop, DensityMetrics.MebibytesPerContainer, FootprintArithmetic.AvailableDropPerContainerMib(before, now, n), n));
                samples.Add(Row(cell, context, DensityMetrics.Pss, DensityMetrics.MebibytesPerContainer, FootprintArithmetic.PerContainerMib(footprint.PssBytes, n), n));
                samples.Add(Row(cell, context, DensityMetrics.KernelMemory, DensityMetrics.MebibytesPerContainer, FootprintArithmetic.PerContainerMib(footprint.KernelBytes, n), n));
                if (footprint.CgroupBytes is { } charge)
                {
                    samples.Add(Row(cell, context, DensityMetrics.CgroupCharge, DensityMetrics.MebibytesPerContainer, FootprintArithmetic.PerContainerMib(charge, n), n));
                }

                perContainer = (before.AvailableBytes - now.AvailableBytes) / (double)n;
            }
        }
        finally
        {
            // Released in reverse, each with its own bounded cleanup (Ctrl+C included).
            for (var i = held.Count - 1; i >= 0; i--)
            {
                await held[i].DisposeAsync().ConfigureAwait(false);
            }
        }

        samples.Add(Row(cell, context, DensityMetrics.Reached, DensityMetrics.Containers, held.Count, 0) with
        {
            // A ladder stopped by the memory floor reached what the host allows: ok, the reason kept in the log below.
            Status = failure is null ? SampleStatus.Ok : SampleStatus.Failed(failure),
        });
        WriteLog(context, cell, held.Count, stop ?? failure);
        samples.AddRange(await LaunchAsync(cell, context, cancellationToken).ConfigureAwait(false));
        var source = held.Count > 0 ? held[0].Source : string.Empty;
        return new CellResult(samples, source, fingerprint, fingerprint is null ? failure ?? "no probe started" : failure, null);
    }

    /// <summary>
    /// K concurrent create → ready → remove lifecycles for K = 1, 2, 4, 8 (capped at --density-max), after the ladder
    /// released its probes; a batch the memory floor forbids, or one with a failed launch, ends the series (recorded failed).
    /// </summary>
    private async Task<List<Sample>> LaunchAsync(MatrixCell cell, RunContext context, CancellationToken cancellationToken)
    {
        var samples = new List<Sample>();
        foreach (var k in DensityMetrics.LaunchConcurrency.Where(k => k <= max))
        {
            var refusal = DensityStopRule.BeforeStep(MemInfo.Read(), 0, k, AssumedBytesPerContainer, floor);
            var (done, failure) = refusal is null
                ? await LaunchBatch.RunAsync(k, ct => StartAsync(cell, context, ct), cancellationToken).ConfigureAwait(false)
                : ([], refusal);
            foreach (var (lifecycle, latency) in done.Zip(LaunchArithmetic.Latencies(done)))
            {
                samples.Add(Row(cell, context, DensityMetrics.LaunchLatency, Units.Milliseconds, latency, k, lifecycle.Source));
            }

            var throughput = Row(cell, context, DensityMetrics.LaunchThroughput, DensityMetrics.ContainersPerSecond, LaunchArithmetic.ContainersPerSecond(done), k);
            if (failure is not null)
            {
                samples.Add(throughput with { Value = double.NaN, Status = SampleStatus.Failed($"launch of {k} at once: {failure}") });
                break;
            }

            samples.Add(throughput);
        }

        return samples;
    }

    private static async Task<string?> FirstEndedAsync(IReadOnlyList<IHeldProbe> held, CancellationToken cancellationToken)
    {
        foreach (var probe in held)
        {
            if (!await probe.IsAliveAsync(cancellationToken).ConfigureAwait(false))
            {
                return probe.Source;
            }
        }

        return null;
    }

    private async Task<HeldStart> StartAsync(MatrixCell cell, RunContext context, CancellationToken cancellationToken)
    {
        if (cell.Mode.Kind == ModeKind.Host)
        {
            return await HeldCage.AsHostProcessAsync(hostProbePath, context.HostLimits, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        }

        var spec = new ContainerSpec
        {
            Image = probeImage,
            Command = ["--hold"],
            Labels = Labels.For(context, cell),
            Runtime = cell.Mode.Runtime,
            Isolation = cell.Mode.Isolation,
            Limits = ContainerLimits.For(context.Resources, cell.Mode.Knob),
            OpenStdin = true,
        };
        return await HeldCage.InContainerAsync(engine ?? throw new InvalidOperationException("container mode without an engine"), spec, cell.Mode.ContainerTimeout, cancellationToken).ConfigureAwait(false);
    }

    // Why the ladder ended where it did, beside the cell's artifacts (samples.csv keeps numbers; this keeps the reason).
    private void WriteLog(RunContext context, MatrixCell cell, int reached, string? reason)
    {
        var directory = Path.Combine(context.Directory.Artifacts, cell.Mode.Name, "r" + cell.Round.ToString(CultureInfo.InvariantCulture), DensityMetrics.Workload);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "ladder.log"), string.Create(CultureInfo.InvariantCulture,
            $"reached {reached} of {max} containers; {reason ?? "the ladder ran to its top"}\n"));
    }

    // Each row stamped when it is made: a ladder's steps are seconds apart.
    private static Sample Row(MatrixCell cell, RunContext context, string metric, string unit, double value, int iteration, string source = "") =>
        (SampleFactory.For(cell, context, DensityMetrics.Workload) with { Source = source }).Ok(metric, unit, value, iteration);
}
