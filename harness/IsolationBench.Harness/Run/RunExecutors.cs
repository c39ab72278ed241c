using IsolationBench.Harness.Images;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Verification;
using IsolationBench.Harness.Workloads;

namespace IsolationBench.Harness.Run;

/// <summary>
/// The second part of a run: each workload prepares its images and binaries and makes its executor (workloads that
/// share a preparation get one), then, for a remote engine with a VM-isolated mode, the engine host's own kernel is
/// learnt from a shared-kernel container.
/// </summary>
public static class RunExecutors
{
    public static WorkloadSetup Setup(PreparedRun run, RepositoryLayout layout, IProgress<string> log, Func<BuiltImage, string> record)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(record);
        var windowsTag = run.WindowsEngine && run.Containers ? WindowsImageTag.Choose(run.Preflight.Facts!, run.Modes) : null;
        return new WorkloadSetup(layout, run.Preflight.Engine, run.Preflight.Facts, run.Modes, run.Options, windowsTag, log, built => record(built))
        {
            RemoteEngine = run.Preflight.RemoteEngine,
        };
    }

    public static async Task<IReadOnlyList<IWorkloadExecutor>> CreateAsync(PreparedRun run, WorkloadSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(setup);
        var executors = new List<IWorkloadExecutor>();
        // Long preparations (the guest's debootstrap base) start first and run beside the publishes of the others.
        foreach (var workload in run.Workloads)
        {
            workload.StartEarly?.Invoke(setup, cancellationToken);
        }

        try
        {
            foreach (var workload in run.Workloads)
            {
                var executor = await workload.CreateExecutorAsync(setup, cancellationToken).ConfigureAwait(false);
                if (!executors.Contains(executor))
                {
                    executors.Add(executor);
                }
            }
        }
        catch when (!setup.Background.IsCompleted)
        {
            // A publish failed while debootstrap runs: let it finish (killing it would leave its chroot behind), then report.
            await Task.WhenAny(setup.Background).ConfigureAwait(false);
            throw;
        }

        return executors;
    }

    /// <summary>A remote engine with a VM-isolated mode: its host's kernel, learnt once from a container of a shared-kernel mode.</summary>
    public static async Task LearnRemoteKernelAsync(PreparedRun run, WorkloadSetup setup, IProgress<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(log);
        if (run.Preflight.RemoteEngine is not null && run.Preflight.Engine is { } engine
            && run.Modes.Any(m => m.Boundary == KernelBoundary.VirtualMachine) && EngineHostBoot.SharedKernelMode(run.Preflight.Catalog) is { } shared)
        {
            var probe = await ProbePreparation.ImageAsync(setup, cancellationToken).ConfigureAwait(false);
            (run.Reference, run.RemoteNote) = await EngineHostBoot.LearnAsync(
                engine, probe, shared, run.Reference, Labels.ForRun(run.RunId), run.Options.Resources, cancellationToken).ConfigureAwait(false);
            log.Report(run.RemoteNote);
        }
    }
}
