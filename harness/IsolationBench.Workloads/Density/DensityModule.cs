using IsolationBench.Reporting.Workloads;
using System.Globalization;
using IsolationBench.Harness;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results.Workloads;

namespace IsolationBench.Workloads.Density;

/// <summary>Density: per mode, one ladder of idle held probes, the host's memory per container read at each step. Linux only.</summary>
public sealed class DensityModule : IWorkloadModule
{
    /// <summary>
    /// The density workload: per mode, one ladder of idle held probes (1, 2, 4, … alive at once), the host's memory
    /// per container read at each step. One ladder per mode; it is not in a default run (name it in --workloads).
    /// </summary>
    public static WorkloadDescriptor Workload { get; } = new(
        DensityMetrics.Workload,
        "Density: memory per container",
        ["linux"],
        DensityMetrics.AvailableDrop,
        DensityMetrics.Descriptors,
        new SamplingPlan("ladder", Warmup: 0, Rounds: 1));

    public WorkloadDescriptor Descriptor => Workload;

    public HarnessWorkload Harness { get; } = new(
        Workload,
        WorkloadPlanning.Ladder,
        (mode, facts) => (mode.Kind == ModeKind.Host ? facts.HostOs : facts.EngineOs?.ToLowerInvariant()) is "linux" or null
            ? null
            : $"workload 'density' reads Linux's MemAvailable and cgroups, and mode {mode.Name} runs on {(mode.Kind == ModeKind.Host ? facts.HostOs : facts.EngineOs)}: leave it out of --workloads",
        async (setup, ct) => new DensityExecutor(
            setup.Engine,
            await ProbePreparation.ImageAsync(setup, ct).ConfigureAwait(false),
            await ProbePreparation.HostProbeAsync(setup, ct).ConfigureAwait(false),
            setup.Options.DensityMax,
            DensityStopRule.DefaultFloor))
    {
        NeedsEngineHost = "reads the containers' memory and MemAvailable from this machine's /proc",
        ByDefault = false,
        Options = [DensityMax],
    };

    /// <summary>--density-max: the ladder's top; only runs with the ladder record it, so other runs' manifests stay as they were.</summary>
    private static readonly WorkloadOption DensityMax = new("--density-max")
    {
        Help = "density: the most idle containers held at once per mode, on the ladder 1,2,4,… (stops early under 20 % MemAvailable); then K = 1,2,4,8 launched at once, none above it",
        IsFlag = false,
        ValueName = "N",
        Default = RunOptions.DefaultDensityMax.ToString(CultureInfo.InvariantCulture),
        Bind = (o, value) => o with
        {
            DensityMax = int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var max)
                ? max
                : throw new UsageException($"--density-max '{value}' is not a whole number"),
        },
        Check = o => o.DensityMax is < 1 or > DensityLadder.MaxAllowed
            ? string.Create(CultureInfo.InvariantCulture, $"--density-max {o.DensityMax} is out of range: give 1 to {DensityLadder.MaxAllowed} (32 is the default)")
            : null,
        Recorded = o => new KeyValuePair<string, string>("density_max", o.DensityMax.ToString(CultureInfo.InvariantCulture)),
    };

    public WorkloadReport Report { get; } = new(Workload.Name,
    [
        new(DensityMemoryChart.Name, DensityMemoryChart.Render),
        new(DensityHostMemoryChart.Name, DensityHostMemoryChart.Render),
        new(DensityLatencyChart.Name, DensityLatencyChart.Render),
        new(DensityLaunchChart.Name, DensityLaunchChart.Render),
    ])
    {
        Descriptor = Workload,
        Findings = DensitySection.Findings,
    };

    public ConsoleTable? Console { get; } = new(Workload.Name, DensityTable.Write);
}
