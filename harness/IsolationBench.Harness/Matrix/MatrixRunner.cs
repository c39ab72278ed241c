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
        var ledger = new MatrixLedger(hostFingerprint);
        var todo = plan.Select((cell, index) => (Cell: cell, Index: index))
            .Where(c => completedKeys is null || !completedKeys.Contains(c.Cell.Key))
            .ToList();
        var pace = new MatrixPace([.. todo.Select(t => t.Cell)]);
        var interludeDone = interlude is null;
        foreach (var (cell, index) in todo)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!interludeDone && index >= interlude!.BeforeIndex)
            {
                interludeDone = true;
                await interlude.Run(cancellationToken).ConfigureAwait(false);
            }

            var started = pace.Now;
            var result = await ExecuteAsync(cell, context, cancellationToken).ConfigureAwait(false);
            var verdict = ledger.Verify(cell, result, context);
            Write(writer, cell, result, completedKeys);
            progress?.Report(pace.Done(cell, result, started));
            if (verdict is { Ok: false } && !allowMismatch)
            {
                return ledger.Outcome(verdict.Reason);
            }
        }

        if (!interludeDone)
        {
            // Resumed past the interlude's point, or the plan ends before it: it still runs, once, after the cells.
            await interlude!.Run(cancellationToken).ConfigureAwait(false);
        }

        return ledger.Outcome(null);
    }

    private async Task<CellResult> ExecuteAsync(MatrixCell cell, RunContext context, CancellationToken cancellationToken)
    {
        var executor = executors.FirstOrDefault(e => e.CanRun(cell.Workload))
            ?? throw new UsageException($"no executor for workload '{cell.Workload}'");
        if (BeforeCell is not null)
        {
            await BeforeCell(cell, cancellationToken).ConfigureAwait(false);
        }

        return await executor.ExecuteAsync(cell, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A measured cell's samples, with its place in the round; a mode's first container also as its first-container rows (round 0).</summary>
    private static void Write(SampleWriter writer, MatrixCell cell, CellResult result, ISet<string>? completedKeys)
    {
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
