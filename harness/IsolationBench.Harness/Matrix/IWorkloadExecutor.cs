using IsolationBench.Fingerprint;
using IsolationBench.Results;

namespace IsolationBench.Harness.Matrix;

/// <summary>Runs one matrix cell and returns what it measured; workload failures are data, not exceptions.</summary>
public interface IWorkloadExecutor
{
    bool CanRun(string workload);

    Task<CellResult> ExecuteAsync(MatrixCell cell, RunContext context, CancellationToken cancellationToken);
}

/// <summary>What every executor needs to know about the run.</summary>
public sealed record RunContext(string RunId, RunDirectory Directory, IReadOnlyDictionary<string, string> Labels);

public sealed record CellResult(
    IReadOnlyList<Sample> Samples,
    string Source,
    IsolationFingerprint? Fingerprint,
    string? Failure,
    double? HeadlineMilliseconds);
