using IsolationBench.Harness;
using IsolationBench.Harness.Lifecycle;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Workloads.Startup;

/// <summary>The startup workload: the probe in each mode, every phase (<see cref="StartupPhases"/>) timed.</summary>
public sealed class StartupExecutor(IContainerEngine? engine, string probeImage, string hostProbePath) : IWorkloadExecutor
{
    public bool CanRun(string workload) => workload == StartupWorkloads.Startup;

    public async Task<CellResult> ExecuteAsync(MatrixCell cell, RunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(context);
        WorkloadRun run;
        if (cell.Mode.Kind == ModeKind.Host)
        {
            run = await HostProcessRunner.RunAsync(hostProbePath, [], TimeSpan.FromSeconds(30), requireReadyLine: true, context.HostLimits, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var lifecycle = new ContainerLifecycle(engine ?? throw new InvalidOperationException("container mode without an engine"));
            var spec = new ContainerSpec
            {
                Image = probeImage,
                Labels = Labels.For(context, cell),
                Runtime = cell.Mode.Runtime,
                Isolation = cell.Mode.Isolation,
                Limits = ContainerLimits.For(context.Resources, cell.Mode.Knob),
            };
            run = await lifecycle.RunAsync(spec, cell.Mode.ContainerTimeout, afterExit: null, requireReadyLine: true, cancellationToken).ConfigureAwait(false);
        }

        return StartupCellResult.From(run, cell, context, StartupWorkloads.Startup, host: cell.Mode.Kind == ModeKind.Host);
    }
}
