using IsolationBench.Harness.Engine;
using IsolationBench.Harness.EngineBench;
using IsolationBench.Harness.Hosting;
using IsolationBench.Harness.Images;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results;

namespace IsolationBench.Harness.Run;

/// <summary>
/// The last part of a run: the matrix in its planned order, what runs beside it (the workloads' companions, the
/// engine benchmarks' interlude), and, however it ends, the executors let go, the manifest finished and this run's
/// containers swept.
/// </summary>
public sealed class RunExecution(PreparedRun run, WorkloadRegistry registry, WorkloadSetup setup, RepositoryLayout layout, IProgress<string> log, IProgress<MatrixProgress>? progress)
{
    public async Task<RunSummary> RunAsync(RunManifest manifest, IReadOnlyList<IWorkloadExecutor> executors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(executors);
        var plan = Plan();
        var context = new RunContext(run.RunId, run.Directory, Labels.ForRun(run.RunId)) { Resources = run.Options.Resources, HostLimits = run.HostLimits };
        MatrixOutcome? outcome = null;
        var status = "failed";
        try
        {
            using var writer = new SampleWriter(run.Directory.Samples);
            var companions = run.Workloads.Select(w => w.DuringRun?.Invoke(setup, context, cancellationToken)).OfType<IAsyncDisposable>().ToList();
            try
            {
                EngineBenchOutcome? engineBench = null;
                var interlude = Interlude(plan, bench => engineBench = bench);
                outcome = await Runner(executors).RunAsync(plan, context, writer, progress, run.Completed, cancellationToken, interlude).ConfigureAwait(false);
                status = outcome.MismatchReason is null ? "complete" : "failed";
                return new RunSummary(run.Directory, outcome, status) { EngineBench = engineBench };
            }
            finally
            {
                foreach (var companion in companions)
                {
                    await companion.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            status = "partial";
            throw;
        }
        catch (EngineUnavailableException ex)
        {
            // The engine died mid-run: what was measured is kept; --resume completes the run once it is back.
            status = "partial";
            throw new EngineLostException($"{ex.Message} — the run stopped; samples taken so far are kept in {run.Directory.Path}; when the engine is back: isobench run --resume {run.Directory.Path}", ex);
        }
        finally
        {
            await EndAsync(manifest, executors, outcome, status).ConfigureAwait(false);
        }
    }

    private IReadOnlyList<MatrixCell> Plan()
    {
        var options = run.Options;
        var plan = MatrixPlan.Build(registry, run.Modes, run.WorkloadNames, options.Samples, options.Warmup, options.EffectiveGuestRounds, (w, m) => run.Skipped.Any(s => s.Workload == w && s.Mode == m.Name));
        log.Report(FormattableString.Invariant(
            $"run {run.RunId}: {run.Modes.Count} mode(s) × {string.Join(",", run.WorkloadNames)}, {plan.Count(c => !c.Warmup)} measured + {plan.Count(c => c.Warmup)} warmup cells → {run.Directory.Path}"));
        if (run.MeasuredDone > 0)
        {
            log.Report(FormattableString.Invariant($"resuming: {run.MeasuredDone} measured cells already done, {plan.Count(c => !c.Warmup && !run.Completed.Contains(c.Key))} to go"));
        }

        return plan;
    }

    private MatrixRunner Runner(IReadOnlyList<IWorkloadExecutor> executors) => new(executors, run.Reference, run.Options.AllowMismatch)
    {
        // --cold: the sampling plan's before-cell hook of cold-start workloads (startup, startup-runtime).
        BeforeCell = run.Options.Cold
            ? (cell, ct) => registry.Find(cell.Workload)?.Planning == WorkloadPlanning.ColdStart ? PageCache.DropAsync(ct) : Task.CompletedTask
            : null,
    };

    /// <summary>
    /// BDN's lifecycle benchmarks run on the same modes, image and probe binary, between the two halves of the anchoring
    /// workload's rounds: the harness's medians then span BDN's time window, so drift of the machine over the run cannot
    /// pass for a disagreement between the two (measured here: ±10 % between adjacent minutes).
    /// </summary>
    private MatrixInterlude? Interlude(IReadOnlyList<MatrixCell> plan, Action<EngineBenchOutcome> done)
    {
        var options = run.Options;
        if (!options.EngineBench || run.Workloads.FirstOrDefault(w => w.AnchorsEngineBench) is not { } anchor)
        {
            return null;
        }

        return new MatrixInterlude(MatrixPlan.Midpoint(plan, anchor.Name), async ct => done(await new EngineBenchLauncher(layout, log).RunAsync(
            new EngineBenchRequest(run.RunId, [.. run.Modes.Select(m => m.Name)], await ProbePreparation.ImageAsync(setup, ct).ConfigureAwait(false), await ProbePreparation.HostProbeAsync(setup, ct).ConfigureAwait(false), run.Directory.Path, options.Samples, options.Warmup, options.Engine, options.InsecureEngine)
            {
                TlsArguments = EngineTlsSettings.FromEnvironment(options.TlsCa, options.TlsCert, options.TlsKey).ToArguments(),
            },
            ct).ConfigureAwait(false)));
    }

    private async Task EndAsync(RunManifest manifest, IReadOnlyList<IWorkloadExecutor> executors, MatrixOutcome? outcome, string status)
    {
        // Executors that hold something outside the engine (runtime-direct's bundle and runtime state) let go of it
        // whatever happened, Ctrl+C included; a killed run's leftovers are swept by the next run that opens one.
        foreach (var disposable in executors.OfType<IAsyncDisposable>())
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }

        run.Directory.WriteManifest(RunManifests.Finish(manifest, outcome, status, run.Directory));
        if (run.Preflight.Engine is { } engine)
        {
            // Whatever happened (Ctrl+C included), no container of this run stays behind; a dead engine
            // cannot be swept now — the next isobench command does it.
            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await new ContainerJanitor(engine).SweepAsync(run.RunId, includeLiveOwners: true, cleanup.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is EngineUnavailableException or EngineRequestException or OperationCanceledException)
            {
                log.Report("could not remove this run's containers now (" + ex.Message.Split('\n')[0] + "); the next isobench command will");
            }
        }
    }
}
