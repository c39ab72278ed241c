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
public sealed record RunContext(string RunId, RunDirectory Directory, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The CPUs and memory every mode gets, containers and host processes alike.</summary>
    public Resources.ResourceRequest Resources { get; init; } = IsolationBench.Harness.Resources.ResourceRequest.Default;

    /// <summary>How host processes get the same limits (a cgroup or a Job Object); null = no limits applied.</summary>
    public Hosting.IHostLimits? HostLimits { get; init; }
}

public sealed record CellResult(
    IReadOnlyList<Sample> Samples,
    string Source,
    IsolationFingerprint? Fingerprint,
    string? Failure,
    double? HeadlineMilliseconds);
