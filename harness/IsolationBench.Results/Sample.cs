namespace IsolationBench.Results;

/// <summary>
/// One measured value: one phase of one container start, or one BenchmarkDotNet iteration of one benchmark.
/// Columns of samples.csv, in this order (results/README.md is the contract).
/// </summary>
public sealed record Sample
{
    public required string RunId { get; init; }

    /// <summary>
    /// Measured round, 1-based (warmup rounds are not written); 0 for the rows of a mode's first container, whose
    /// startup metrics carry <see cref="StartupPhases.FirstPrefix"/>.
    /// </summary>
    public required int Round { get; init; }

    public required string Mode { get; init; }

    /// <summary>The workload that measured it, as its descriptor names it (manifest.json workload_descriptors).</summary>
    public required string Workload { get; init; }

    /// <summary>Startup: create, start, ready, fingerprint, exit, remove, total. Guest: benchmark name and target.</summary>
    public required string Metric { get; init; }

    /// <summary>"ms", "ns/op", "MB/s", "ops/s"… The direction (lower or higher is better) follows from it.</summary>
    public required string Unit { get; init; }

    /// <summary>The value; NaN for a failed sample.</summary>
    public required double Value { get; init; }

    /// <summary>"ok" or "failed:&lt;reason&gt;".</summary>
    public required string Status { get; init; }

    /// <summary>Iteration within a round (guest benchmarks have many per round); 0 for startup phases.</summary>
    public int Iteration { get; init; }

    /// <summary>The container (short id) or host process that produced it, to join with fingerprints.jsonl.</summary>
    public string Source { get; init; } = string.Empty;

    public required DateTimeOffset TimestampUtc { get; init; }

    /// <summary>1-based position of the sample's cell within its round (the round's mode order); 0 when unknown (older files).</summary>
    public int Position { get; init; }

    /// <summary>The mode that ran just before this cell in the same round of the same workload; empty for the first (or unknown).</summary>
    public string Predecessor { get; init; } = string.Empty;

    public bool IsOk => Status == SampleStatus.Ok;
}

public static class SampleStatus
{
    public const string Ok = "ok";

    public static string Failed(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);

        // One line, no commas, so the column stays readable in any CSV viewer and grep.
        var clean = reason.ReplaceLineEndings(" ").Replace(',', ';').Trim();
        return "failed:" + (clean.Length > 200 ? clean[..200] : clean);
    }
}
