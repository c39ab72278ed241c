using IsolationBench.Harness.EngineBench;
using IsolationBench.Harness.Hosting;
using IsolationBench.Harness.Images;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Run;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results;

namespace IsolationBench.Harness;

/// <summary>
/// One `isobench run`: prepare (preflight, refusals, sweep, resume) → executors (images, binaries) → manifest →
/// execution (the matrix, then the manifest finished and the containers swept). The composition of the harness's
/// parts; the CLI only parses arguments and prints, and hands in the workloads (<see cref="WorkloadRegistry"/>).
/// </summary>
/// <param name="windowsHost">Windows-only host facts (hypervisor, Defender); null asks the real host through PowerShell.</param>
public sealed class RunSession(WorkloadRegistry workloads, RepositoryLayout layout, IProgress<string> log, IProgress<MatrixProgress>? progress, IWindowsHostQueries? windowsHost = null)
{
    private readonly Dictionary<string, string> _images = new(StringComparer.Ordinal);

    public static string ToolVersion => RunDirectories.ToolVersion;

    public async Task<RunSummary> RunAsync(RunOptions options, CancellationToken cancellationToken)
    {
        await using var run = await RunPreparation.PrepareAsync(workloads, log, windowsHost, options, cancellationToken).ConfigureAwait(false);
        var setup = RunExecutors.Setup(run, layout, log, Record);
        var executors = await RunExecutors.CreateAsync(run, setup, cancellationToken).ConfigureAwait(false);
        await RunExecutors.LearnRemoteKernelAsync(run, setup, log, cancellationToken).ConfigureAwait(false);
        var manifest = await RunManifests.StartAsync(run, workloads, layout, _images, windowsHost, cancellationToken).ConfigureAwait(false);
        run.Directory.WriteManifest(manifest);
        return await new RunExecution(run, workloads, setup, layout, log, progress).RunAsync(manifest, executors, cancellationToken).ConfigureAwait(false);
    }

    private string Record(BuiltImage built)
    {
        _images[built.Tag] = built.Id;
        log.Report(built.Reused ? $"image {built.Tag} is up to date" : $"built {built.Tag}");
        return built.Tag;
    }
}

public sealed record RunSummary(RunDirectory Directory, MatrixOutcome Outcome, string Status)
{
    /// <summary>Set when --engine-bench ran BenchmarkDotNet (in the middle of the startup rounds).</summary>
    public EngineBenchOutcome? EngineBench { get; init; }
}
