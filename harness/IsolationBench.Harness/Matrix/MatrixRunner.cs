using System.Diagnostics;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Verification;
using IsolationBench.Results;

namespace IsolationBench.Harness.Matrix;

/// <summary>
/// Runs the plan in order, writes every sample as it is taken, keeps every fingerprint with its verdict, and
/// stops the run on a fingerprint that contradicts its mode (unless mismatches are allowed).
/// </summary>
public sealed class MatrixRunner(IReadOnlyList<IWorkloadExecutor> executors, IsolationFingerprint hostFingerprint, bool allowMismatch)
{
    /// <summary>Run before each cell, outside its timing (--cold drops the page cache before startup cells); null: nothing.</summary>
    public Func<MatrixCell, CancellationToken, Task>? BeforeCell { get; init; }

    public async Task<MatrixOutcome> RunAsync(
        IReadOnlyList<MatrixCell> plan,
        RunContext context,
        SampleWriter writer,
        IProgress<MatrixProgress>? progress,
        ISet<string>? completedKeys,
        CancellationToken cancellationToken,
        MatrixInterlude? interlude = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        var verification = new Dictionary<string, ModeVerification>(StringComparer.Ordinal);
        var verifiedSources = new HashSet<(string Mode, string Source)>();
        var classified = new Dictionary<string, IsolationMode>(StringComparer.Ordinal);
        var resources = new Dictionary<string, ModeResources>(StringComparer.Ordinal);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var spent = new Dictionary<string, (TimeSpan Total, int Count)>(StringComparer.Ordinal);
        var todo = plan.Select((cell, index) => (Cell: cell, Index: index))
            .Where(c => completedKeys is null || !completedKeys.Contains(c.Cell.Key))
            .ToList();
        var perWorkload = todo.GroupBy(t => t.Cell.Workload, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var interludeDone = interlude is null;
        var done = 0;
        foreach (var (cell, index) in todo)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!interludeDone && index >= interlude!.BeforeIndex)
            {
                interludeDone = true;
                await interlude.Run(cancellationToken).ConfigureAwait(false);
            }

            var executor = executors.FirstOrDefault(e => e.CanRun(cell.Workload))
                ?? throw new UsageException($"no executor for workload '{cell.Workload}'");
            if (BeforeCell is not null)
            {
                await BeforeCell(cell, cancellationToken).ConfigureAwait(false);
            }

            var started = clock.Elapsed;
            var result = await executor.ExecuteAsync(cell, context, cancellationToken).ConfigureAwait(false);
            var (total, count) = spent.GetValueOrDefault(cell.Workload);
            spent[cell.Workload] = (total + (clock.Elapsed - started), count + 1);

            var mode = Classified(cell.Mode, result.Fingerprint, classified);
            var verdict = result.Failure is not null && result.Fingerprint is null
                ? null
                : FingerprintVerifier.Verify(mode, result.Fingerprint, hostFingerprint, ExpectationsFor(mode, context));
            if (result.Fingerprint is { } seen && !resources.ContainsKey(mode.Name))
            {
                // gVisor shows no cgroup files; its kernel's memory is sized to the limit (what ResourceRule checks).
                resources[mode.Name] = new ModeResources(seen.CpuCount, seen.AffinityCpuCount, seen.MemoryLimitBytes ?? (seen.IsGVisor ? seen.MemoryTotalBytes : null));
            }
            if (verdict is not null)
            {
                context.Directory.AppendFingerprint(new FingerprintRecord(
                    cell.Mode.Name, cell.Warmup ? -cell.Round : cell.Round, cell.Workload, result.Source, verdict.Ok, verdict.Reason, result.Fingerprint));
                // Guest categories sharing a container give one fingerprint each: the container counts once.
                Record(verification, cell.Mode.Name, verdict, newContainer: verifiedSources.Add((cell.Mode.Name, result.Source)));
            }

            if (!cell.Warmup)
            {
                writer.WriteAll(result.Samples.Select(s => s with { Position = cell.Position, Predecessor = cell.Predecessor }));
            }

            // A resumed run's first container is not the run's first: the rows written before the interruption stand.
            if (cell.First && completedKeys?.Contains(MatrixCell.KeyOf(0, cell.Workload, cell.Mode.Name)) != true)
            {
                writer.WriteAll(result.Samples.Select(s => s with
                {
                    Round = 0,
                    Metric = IsolationBench.Results.Workloads.FirstContainer.Metric(s.Metric),
                    Position = cell.Position,
                    Predecessor = cell.Predecessor,
                }));
            }

            if (result.Failure is not null)
            {
                failures.Add($"{cell.Key}: {result.Failure}");
            }

            done++;
            progress?.Report(new MatrixProgress(done, todo.Count, cell, result.HeadlineMilliseconds, result.Failure, Remaining(todo.Skip(done).Select(t => t.Cell), spent, clock.Elapsed / done))
            {
                TotalByWorkload = perWorkload,
            });

            if (verdict is { Ok: false } && !allowMismatch)
            {
                return new MatrixOutcome(verification, failures, MismatchReason: verdict.Reason) { Classified = Evidence(classified), Resources = resources };
            }
        }

        if (!interludeDone)
        {
            // Resumed past the interlude's point, or the plan ends before it: it still runs, once, after the cells.
            await interlude!.Run(cancellationToken).ConfigureAwait(false);
        }

        return new MatrixOutcome(verification, failures, MismatchReason: null) { Classified = Evidence(classified), Resources = resources };
    }

    /// <summary>
    /// A runtime the engine's /info did not identify is classified by its first fingerprint and held to that:
    /// a later container of the same mode that shows another boundary fails verification.
    /// </summary>
    private IsolationMode Classified(IsolationMode mode, IsolationFingerprint? seen, Dictionary<string, IsolationMode> classified)
    {
        if (mode.Boundary != KernelBoundary.Unclassified)
        {
            return mode;
        }

        if (classified.TryGetValue(mode.Name, out var known))
        {
            return known;
        }

        if (seen is null)
        {
            return mode;
        }

        var (boundary, evidence) = FingerprintVerifier.Classify(seen, hostFingerprint);
        return classified[mode.Name] = mode.ClassifiedAs(boundary, evidence);
    }

    private static Dictionary<string, ModeClassification> Evidence(Dictionary<string, IsolationMode> classified) =>
        classified.ToDictionary(kv => kv.Key, kv => new ModeClassification(kv.Value.Boundary, kv.Value.ClassifiedBy), StringComparer.Ordinal);

    /// <summary>Every container is locked down and limited; the host baseline is limited when the run gave it limits.</summary>
    private static Expectations ExpectationsFor(IsolationMode mode, RunContext context) =>
        mode.Kind == ModeKind.Host
            ? new Expectations(context.HostLimits is null ? null : context.Resources, LockedDown: false)
            : new Expectations(context.Resources, LockedDown: true);

    /// <summary>
    /// Time left: each remaining cell at the mean duration of its workload so far (a guest benchmark takes a
    /// minute, a startup sample a third of a second), else at the mean of all cells.
    /// </summary>
    private static TimeSpan Remaining(IEnumerable<MatrixCell> left, Dictionary<string, (TimeSpan Total, int Count)> spent, TimeSpan overall) =>
        left.Aggregate(TimeSpan.Zero, (sum, c) => sum + (spent.TryGetValue(c.Workload, out var s) ? s.Total / s.Count : overall));

    private static void Record(Dictionary<string, ModeVerification> verification, string mode, Verdict verdict, bool newContainer)
    {
        var previous = verification.GetValueOrDefault(mode);
        var count = (previous?.Containers ?? 0) + (newContainer ? 1 : 0);
        // The first contradiction wins: one bad container is enough to distrust the mode.
        verification[mode] = previous is { Verified: false }
            ? previous with { Containers = count }
            : new ModeVerification(verdict.Ok, verdict.Reason, count);
    }
}

/// <summary>
/// Work run once between two cells of the plan: before the first remaining cell at or after plan position
/// <paramref name="BeforeIndex"/>, or after the last cell when none is left there. Not run when the matrix stops on
/// a fingerprint mismatch.
/// </summary>
public sealed record MatrixInterlude(int BeforeIndex, Func<CancellationToken, Task> Run);

public sealed record MatrixOutcome(IReadOnlyDictionary<string, ModeVerification> Verification, IReadOnlyList<string> Failures, string? MismatchReason)
{
    /// <summary>Mode → what its first fingerprint showed it to be, for runtimes the engine's /info did not identify.</summary>
    public IReadOnlyDictionary<string, ModeClassification> Classified { get; init; } = new Dictionary<string, ModeClassification>();

    /// <summary>Mode → CPUs and memory limit its first fingerprint saw from inside.</summary>
    public IReadOnlyDictionary<string, ModeResources> Resources { get; init; } = new Dictionary<string, ModeResources>();
}

public sealed record ModeClassification(KernelBoundary Boundary, string Evidence);

public sealed record MatrixProgress(int Done, int Total, MatrixCell Cell, double? HeadlineMilliseconds, string? Failure, TimeSpan Remaining)
{
    /// <summary>Cells this run does per workload (warmups included), for a progress bar per workload.</summary>
    public IReadOnlyDictionary<string, int> TotalByWorkload { get; init; } = new Dictionary<string, int>();
}
