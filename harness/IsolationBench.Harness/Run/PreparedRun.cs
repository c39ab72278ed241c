using IsolationBench.Fingerprint;
using IsolationBench.Harness.Hosting;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results;

namespace IsolationBench.Harness.Run;

/// <summary>
/// Everything decided before the first image is built: the engine and its modes, the workloads and their skips, the
/// baseline, the run's id and directory (new or resumed), the host's limits. Owns the engine connection and the host
/// limits: disposing it lets go of both.
/// </summary>
public sealed class PreparedRun : IAsyncDisposable
{
    public required RunOptions Options { get; init; }

    public required IReadOnlyList<HarnessWorkload> Workloads { get; init; }

    public required PreflightResult Preflight { get; init; }

    public required IReadOnlyList<IsolationMode> Modes { get; init; }

    public required IReadOnlyList<SkippedCells> Skipped { get; init; }

    public required string Baseline { get; init; }

    /// <summary>This machine's fingerprint, and what containers are verified against (this machine, or a remote engine's host).</summary>
    public required IsolationFingerprint Self { get; init; }

    public required IsolationFingerprint Reference { get; set; }

    /// <summary>How a remote engine's kernel was learnt (null: local engine, or nothing to learn).</summary>
    public string? RemoteNote { get; set; }

    public required string? JitWarning { get; init; }

    /// <summary>The interrupted run's manifest when resuming; null for a new run.</summary>
    public required RunManifest? Resumed { get; init; }

    public required string RunId { get; init; }

    public required DateTimeOffset Started { get; init; }

    public required RunDirectory Directory { get; init; }

    /// <summary>Cells whose samples are already on disk (a resumed run skips them).</summary>
    public required ISet<string> Completed { get; init; }

    public required IHostLimits? HostLimits { get; init; }

    public IReadOnlyList<string> WorkloadNames => [.. Workloads.Select(w => w.Name)];

    /// <summary>Measured cells already done (round 0 holds the first containers' rows: a key the runner checks, not a measured cell).</summary>
    public int MeasuredDone => Completed.Count(k => !k.StartsWith("0/", StringComparison.Ordinal));

    public bool Containers => Preflight.Engine is not null && Modes.Any(m => m.Kind == ModeKind.Container);

    public bool WindowsEngine => string.Equals(Preflight.Facts?.OsType, "windows", StringComparison.OrdinalIgnoreCase);

    public async ValueTask DisposeAsync()
    {
        HostLimits?.Dispose();
        await Preflight.DisposeAsync().ConfigureAwait(false);
    }
}
