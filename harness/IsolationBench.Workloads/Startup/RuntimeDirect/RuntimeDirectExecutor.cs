using IsolationBench.Workloads.Startup;
using IsolationBench.Harness;
using IsolationBench.Harness.Lifecycle;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Workloads.Startup.RuntimeDirect;

/// <summary>
/// Runtime-direct startup as a matrix executor: each container mode's cell is one probe lifecycle straight on the
/// mode's OCI runtime, recorded with the startup workload's phases, unit and statuses under its own workload name.
/// The bundle is prepared at the first cell (under the run's labels, limits and state dir) and removed on dispose.
/// Registered in <see cref="Workloads.HarnessCatalog.StartupRuntime"/>; the run disposes it however it ends.
/// </summary>
public sealed class RuntimeDirectExecutor(IImageFilesystem images, EngineFacts engine, string probeImage, string stateBase) : IWorkloadExecutor, IAsyncDisposable
{
    public const string Workload = StartupWorkloads.RuntimeDirect;

    private readonly SemaphoreSlim _open = new(1, 1);
    private RuntimeDirectRun? _run;
    private string? _openFailure;

    public bool CanRun(string workload) => workload == Workload;

    public async Task<CellResult> ExecuteAsync(MatrixCell cell, RunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(context);
        WorkloadRun run;
        if (cell.Mode.Kind != ModeKind.Container || cell.Mode.Runtime is null)
        {
            run = Failed($"{cell.Mode.Name}: runtime-direct startup runs an OCI runtime; this mode names none");
        }
        else if (await OpenAsync(context, cancellationToken).ConfigureAwait(false) is { } direct)
        {
            run = direct.Runtimes.Contains(cell.Mode.Runtime)
                ? await direct.RunAsync(cell.Mode.Runtime, cell.Mode.ContainerTimeout, cancellationToken).ConfigureAwait(false)
                : Failed($"{cell.Mode.Runtime} has no runtime binary registered with the engine (registered: {string.Join(", ", direct.Runtimes)})");
        }
        else
        {
            run = Failed(_openFailure!);
        }

        return StartupCellResult.From(run, cell, context, Workload, host: false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_run is not null)
        {
            await _run.DisposeAsync().ConfigureAwait(false);
            _run = null;
        }

        _open.Dispose();
    }

    /// <summary>The run's bundle, prepared once; null with <see cref="_openFailure"/> set when it cannot be (every cell then fails with it).</summary>
    private async Task<RuntimeDirectRun?> OpenAsync(RunContext context, CancellationToken cancellationToken)
    {
        await _open.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_run is null && _openFailure is null)
            {
                var probe = new ContainerSpec
                {
                    Image = probeImage,
                    Labels = new Dictionary<string, string>(context.Labels, StringComparer.Ordinal) { [Labels.Workload] = Workload },
                    Limits = ContainerLimits.For(context.Resources),
                };
                try
                {
                    _run = await RuntimeDirectRun.OpenAsync(images, probe, context.RunId, engine, stateBase, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is PlatformNotSupportedException or NotSupportedException or ArgumentException or IOException or InvalidDataException or UnauthorizedAccessException or EngineRequestException)
                {
                    _openFailure = "cannot prepare the runtime-direct bundle: " + ex.Message;
                }
            }

            return _run;
        }
        finally
        {
            _open.Release();
        }
    }

    private static WorkloadRun Failed(string why) => new() { Source = string.Empty, StdOut = string.Empty, StdErr = string.Empty, Failure = why };
}
