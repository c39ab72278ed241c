using System.Diagnostics;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Verification;
using IsolationBench.Results;

namespace IsolationBench.Harness.Matrix;

/// <summary>
/// Runs the plan in order, writes every sample as it is taken, keeps every fingerprint with its verdict, and
/// stops the run on a fingerprint that contradicts its mode (unless mismatches are allowed).
/// </summary>
public sealed class MatrixRunner(IReadOnlyList<IWorkloadExecutor> executors, IsolationFingerprint hostFingerprint, bool allowMismatch)
{
    public async Task<MatrixOutcome> RunAsync(
        IReadOnlyList<MatrixCell> plan,
        RunContext context,
        SampleWriter writer,
        IProgress<MatrixProgress>? progress,
        ISet<string>? completedKeys,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        var verification = new Dictionary<string, ModeVerification>(StringComparer.Ordinal);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var todo = plan.Where(c => completedKeys is null || !completedKeys.Contains(c.Key)).ToList();
        var done = 0;
        foreach (var cell in todo)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var executor = executors.FirstOrDefault(e => e.CanRun(cell.Workload))
                ?? throw new UsageException($"no executor for workload '{cell.Workload}'");
            var result = await executor.ExecuteAsync(cell, context, cancellationToken).ConfigureAwait(false);

            var verdict = result.Failure is not null && result.Fingerprint is null
                ? null
                : FingerprintVerifier.Verify(cell.Mode, result.Fingerprint, hostFingerprint);
            if (verdict is not null)
            {
                context.Directory.AppendFingerprint(new FingerprintRecord(
                    cell.Mode.Name, cell.Warmup ? -cell.Round : cell.Round, cell.Workload, result.Source, verdict.Ok, verdict.Reason, result.Fingerprint));
                Record(verification, cell.Mode.Name, verdict);
            }

            if (!cell.Warmup)
            {
                writer.WriteAll(result.Samples);
            }

            if (result.Failure is not null)
            {
                failures.Add($"{cell.Key}: {result.Failure}");
            }

            done++;
            var remaining = todo.Count - done;
            progress?.Report(new MatrixProgress(done, todo.Count, cell, result.HeadlineMilliseconds, result.Failure, clock.Elapsed / done * remaining));

            if (verdict is { Ok: false } && !allowMismatch)
            {
                return new MatrixOutcome(verification, failures, MismatchReason: verdict.Reason);
            }
        }

        return new MatrixOutcome(verification, failures, MismatchReason: null);
    }

    private static void Record(Dictionary<string, ModeVerification> verification, string mode, Verdict verdict)
    {
        var previous = verification.GetValueOrDefault(mode);
        var count = (previous?.Containers ?? 0) + 1;
        // The first contradiction wins: one bad container is enough to distrust the mode.
        verification[mode] = previous is { Verified: false }
            ? previous with { Containers = count }
            : new ModeVerification(verdict.Ok, verdict.Reason, count);
    }
}

public sealed record MatrixOutcome(IReadOnlyDictionary<string, ModeVerification> Verification, IReadOnlyList<string> Failures, string? MismatchReason);

public sealed record MatrixProgress(int Done, int Total, MatrixCell Cell, double? HeadlineMilliseconds, string? Failure, TimeSpan Remaining);
