namespace IsolationBench.Results.Workloads;

/// <summary>
/// The workloads this version knows, in the order runs and reports list them: the one registration of each
/// workload's data. The four guest categories are four instances of one guest workload.
/// </summary>
public static class WorkloadCatalog
{
    /// <summary>The startup workload: a fresh probe per sample, its lifecycle split into <see cref="StartupPhases"/>.</summary>
    public static readonly WorkloadDescriptor Startup = new(
        StartupPhases.Workload,
        "Container startup",
        ["linux", "windows"],
        StartupPhases.Total,
        StartupPhases.Descriptors,
        new SamplingPlan("cold start", Warmup: 3, Rounds: 30));

    /// <summary>
    /// Runtime-direct startup (Linux, root): the startup probe straight on each mode's OCI runtime binary (runc, crun,
    /// runsc), no engine; beside startup it splits the engine path's total into the runtime's part and the engine's.
    /// Not in a default run (name it in --workloads).
    /// </summary>
    public static readonly WorkloadDescriptor StartupRuntime = new(
        StartupPhases.RuntimeDirectWorkload,
        "Startup straight on the OCI runtime (no engine)",
        ["linux"],
        StartupPhases.Total,
        StartupPhases.DescriptorsOf(StartupPhases.RuntimeDirectWorkload),
        new SamplingPlan("cold start", Warmup: 3, Rounds: 30));

    /// <summary>
    /// The density workload: per mode, one ladder of idle held probes (1, 2, 4, … alive at once), the host's memory
    /// per container read at each step. One ladder per mode; it is not in a default run (name it in --workloads).
    /// </summary>
    public static readonly WorkloadDescriptor Density = new(
        DensityMetrics.Workload,
        "Density: memory per container",
        ["linux"],
        DensityMetrics.AvailableDrop,
        DensityMetrics.Descriptors,
        new SamplingPlan("ladder", Warmup: 0, Rounds: 1));

    /// <summary>
    /// Host ↔ container: the server in a container of the guest image behind a port published on 127.0.0.1, the client
    /// in the harness; one container per round and mode, several timed iterations inside. Not in a default run (it is
    /// the one workload whose containers get a network).
    /// </summary>
    public static readonly WorkloadDescriptor NetworkHost = new(
        NetworkHostMetrics.Workload,
        "Network host ↔ container",
        ["linux"],
        NetworkHostMetrics.RoundTrip,
        NetworkHostMetrics.Descriptors,
        new SamplingPlan("client on the host", Warmup: 0, Rounds: 3));

    /// <summary>
    /// A real application: the guest image's ASP.NET Core service from create to its first response, then a steady
    /// closed-loop load; the client on the host through a published port where the mode has a network, else inside the
    /// container over loopback. One container per round and mode. Not in a default run (its containers may get a network).
    /// </summary>
    public static readonly WorkloadDescriptor App = new(
        AppMetrics.Workload,
        "App: ASP.NET Core service, cold start and steady load",
        ["linux", "windows"],
        AppMetrics.ColdStartTotal,
        AppMetrics.Descriptors,
        new SamplingPlan("cold start and load", Warmup: 0, Rounds: 3));

    public static readonly IReadOnlyList<WorkloadDescriptor> BuiltIn =
        [Startup, StartupRuntime, .. GuestWorkloads.Categories.Select(Guest), NetworkHost, App, Density];

    /// <summary>One guest category (BenchmarkDotNet inside one container per round); its metrics come from isobench-units.json.</summary>
    public static WorkloadDescriptor Guest(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return new WorkloadDescriptor(
            category,
            "Workload " + category,
            [.. GuestWorkloads.ByOs.Where(os => os.Value.Contains(category, StringComparer.Ordinal)).Select(os => os.Key).Order(StringComparer.Ordinal)],
            HeadlineMetric: null,
            Metrics: [],
            new SamplingPlan("throughput", Warmup: 0, Rounds: 3));
    }

    public static WorkloadDescriptor? Find(string name) => BuiltIn.FirstOrDefault(w => w.Name == name);

    /// <summary>
    /// The descriptors of a run: what its manifest.json recorded, else (manifests written before the field existed)
    /// the built-in descriptor of each workload it names; a name this version does not know gets a bare descriptor.
    /// </summary>
    public static IReadOnlyList<WorkloadDescriptor> Of(RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.WorkloadDescriptors
            ?? [.. manifest.Workloads.Select(w => Find(w) ?? new WorkloadDescriptor(w, "Workload " + w, [], null, [], new SamplingPlan("unknown", 0, 0)))];
    }

    /// <summary>The built-in descriptors of the named workloads, in the order given (what a run writes into its manifest).</summary>
    public static IReadOnlyList<WorkloadDescriptor> For(IEnumerable<string> workloads)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        return [.. workloads.Select(w => Find(w) ?? throw new ArgumentException($"unknown workload '{w}'", nameof(workloads)))];
    }
}
