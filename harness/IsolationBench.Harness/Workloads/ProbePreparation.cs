using IsolationBench.Harness.Images;

namespace IsolationBench.Harness.Workloads;

/// <summary>The probe binary and image, which more than one workload runs: built once per run through the setup's memo.</summary>
public static class ProbePreparation
{
    /// <summary>The probe published for this host (the host mode runs it as a plain process).</summary>
    public static Task<string> HostProbeAsync(WorkloadSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return setup.SharedAsync("probe:host", () => setup.Layout.EnsureProbeAsync(WorkloadSetup.HostRid, setup.Log, cancellationToken));
    }

    /// <summary>The probe image's tag for the engine's OS; empty when the run has no container mode.</summary>
    public static Task<string> ImageAsync(WorkloadSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return setup.SharedAsync("probe:image", async () =>
        {
            if (setup.Engine is not { } engine)
            {
                return string.Empty;
            }

            var rid = RepositoryLayout.RuntimeIdentifier(setup.Facts!.OsType);
            var binary = await setup.Layout.EnsureProbeAsync(rid, setup.Log, cancellationToken).ConfigureAwait(false);
            var windows = rid.StartsWith("win", StringComparison.Ordinal);
            if (windows && setup.WindowsTag is null)
            {
                throw new UsageException("a Windows engine needs a nanoserver tag");
            }

            var recipe = ProbeImageRecipe.For(setup.Layout, binary, RunSession.ToolVersion, windows ? setup.WindowsTag : null);
            var built = await new ImageBuilder(engine).EnsureAsync(recipe, null, cancellationToken).ConfigureAwait(false);
            setup.Record(built);
            return built.Tag;
        });
    }
}
