namespace IsolationBench.Results.Workloads;

/// <summary>The descriptors of a run, as report and compare read them without the code that made the run.</summary>
public static class WorkloadDescriptors
{
    /// <summary>
    /// What manifest.json recorded, else (manifests written before the field existed) the descriptor of each workload it
    /// names among <paramref name="known"/> (this version's modules); a name not known gets a bare descriptor.
    /// </summary>
    public static IReadOnlyList<WorkloadDescriptor> Of(RunManifest manifest, IReadOnlyList<WorkloadDescriptor> known)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(known);
        return manifest.WorkloadDescriptors
            ?? [.. manifest.Workloads.Select(w => known.FirstOrDefault(d => d.Name == w) ?? new WorkloadDescriptor(w, "Workload " + w, [], null, [], new SamplingPlan("unknown", 0, 0)))];
    }
}
