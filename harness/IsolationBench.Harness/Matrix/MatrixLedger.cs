using IsolationBench.Fingerprint;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Verification;
using IsolationBench.Results;

namespace IsolationBench.Harness.Matrix;

/// <summary>
/// What the matrix learns cell by cell: each fingerprint verified against its mode (and kept in fingerprints.jsonl),
/// runtimes classified by their first fingerprint, the resources each mode saw from inside, the failed cells.
/// </summary>
internal sealed class MatrixLedger(IsolationFingerprint hostFingerprint)
{
    private readonly Dictionary<string, ModeVerification> _verification = new(StringComparer.Ordinal);
    private readonly HashSet<(string Mode, string Source)> _verifiedSources = [];
    private readonly Dictionary<string, IsolationMode> _classified = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModeResources> _resources = new(StringComparer.Ordinal);
    private readonly List<string> _failures = [];

    /// <summary>The cell's verdict (null when it failed before any fingerprint), recorded with its fingerprint.</summary>
    public Verdict? Verify(MatrixCell cell, CellResult result, RunContext context)
    {
        var mode = Classified(cell.Mode, result.Fingerprint);
        var verdict = result.Failure is not null && result.Fingerprint is null
            ? null
            : FingerprintVerifier.Verify(mode, result.Fingerprint, hostFingerprint, ExpectationsFor(mode, context));
        if (result.Fingerprint is { } seen && !_resources.ContainsKey(mode.Name))
        {
            // gVisor shows no cgroup files; its kernel's memory is sized to the limit (what ResourceRule checks).
            _resources[mode.Name] = new ModeResources(seen.CpuCount, seen.AffinityCpuCount, seen.MemoryLimitBytes ?? (seen.IsGVisor ? seen.MemoryTotalBytes : null));
        }

        if (verdict is not null)
        {
            context.Directory.AppendFingerprint(new FingerprintRecord(
                cell.Mode.Name, cell.Warmup ? -cell.Round : cell.Round, cell.Workload, result.Source, verdict.Ok, verdict.Reason, result.Fingerprint));
            // Guest categories sharing a container give one fingerprint each: the container counts once.
            Record(cell.Mode.Name, verdict, newContainer: _verifiedSources.Add((cell.Mode.Name, result.Source)));
        }

        if (result.Failure is not null)
        {
            _failures.Add($"{cell.Key}: {result.Failure}");
        }

        return verdict;
    }

    public MatrixOutcome Outcome(string? mismatchReason) =>
        new(_verification, _failures, mismatchReason)
        {
            Classified = _classified.ToDictionary(kv => kv.Key, kv => new ModeClassification(kv.Value.Boundary, kv.Value.ClassifiedBy), StringComparer.Ordinal),
            Resources = _resources,
        };

    /// <summary>
    /// A runtime the engine's /info did not identify is classified by its first fingerprint and held to that:
    /// a later container of the same mode that shows another boundary fails verification.
    /// </summary>
    private IsolationMode Classified(IsolationMode mode, IsolationFingerprint? seen)
    {
        if (mode.Boundary != KernelBoundary.Unclassified)
        {
            return mode;
        }

        if (_classified.TryGetValue(mode.Name, out var known))
        {
            return known;
        }

        if (seen is null)
        {
            return mode;
        }

        var (boundary, evidence) = FingerprintVerifier.Classify(seen, hostFingerprint);
        return _classified[mode.Name] = mode.ClassifiedAs(boundary, evidence);
    }

    /// <summary>Every container is locked down and limited; the host baseline is limited when the run gave it limits.</summary>
    private static Expectations ExpectationsFor(IsolationMode mode, RunContext context) =>
        mode.Kind == ModeKind.Host
            ? new Expectations(context.HostLimits is null ? null : context.Resources, LockedDown: false)
            : new Expectations(context.Resources, LockedDown: true);

    private void Record(string mode, Verdict verdict, bool newContainer)
    {
        var previous = _verification.GetValueOrDefault(mode);
        var count = (previous?.Containers ?? 0) + (newContainer ? 1 : 0);
        // The first contradiction wins: one bad container is enough to distrust the mode.
        _verification[mode] = previous is { Verified: false }
            ? previous with { Containers = count }
            : new ModeVerification(verdict.Ok, verdict.Reason, count);
    }
}
