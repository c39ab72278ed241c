using IsolationBench.Reporting.Analysers;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results;
using IsolationBench.Results.Workloads;

namespace IsolationBench.Workloads.Guest;

/// <summary>
/// One guest category (syscall, io, cpu, memory, network): BenchmarkDotNet inside one container per round. The
/// categories are instances of this one module: they share one guest binary, image and executor, and a round runs them
/// one after another in one container.
/// </summary>
public sealed class GuestModule : IWorkloadModule
{
    public GuestModule(string category)
    {
        Descriptor = DescriptorOf(category);
        Harness = new HarnessWorkload(
            Descriptor,
            WorkloadPlanning.GuestRounds,
            (mode, facts) => GuestSupport.Reason(category, mode, facts.HostOs, facts.EngineOs),
            (setup, ct) => setup.SharedAsync<IWorkloadExecutor>("guest", () => CreateExecutorAsync(setup, ct)))
        {
            StartEarly = (setup, ct) => GuestPreparation.LinuxBase(setup, ct),
            Options = category == "io" ? [Fio] : [],
        };
        Report = ReportOf(category) with { Descriptor = Descriptor };
    }

    /// <summary>Every category of the guest binary, in run order.</summary>
    public static IReadOnlyList<GuestModule> All => [.. GuestWorkloads.Categories.Select(c => new GuestModule(c))];

    public WorkloadDescriptor Descriptor { get; }

    /// <summary>One guest category (BenchmarkDotNet inside one container per round); its metrics come from isobench-units.json.</summary>
    public static WorkloadDescriptor DescriptorOf(string category)
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

    public HarnessWorkload Harness { get; }

    public WorkloadReport Report { get; }

    /// <summary>The guest categories share the one generic table.</summary>
    public ConsoleTable? Console => null;

    // Three categories bring an analyser of their own: io and network their referees (fio, iperf3), cpu the host-noise control.
    private static WorkloadReport ReportOf(string category) => category switch
    {
        IoFindings.Workload => new(category, []) { Analysers = [new IoRefereeAnalyser()] },
        NetworkFindings.Workload => new(category, []) { Analysers = [new NetworkRefereeAnalyser()] },
        "cpu" => new(category, []) { IsHostNoiseControl = true, Analysers = [new HostNoiseAnalyser()] },
        _ => new(category, []),
    };

    /// <summary>--fio: the io referee in every container, whatever the number of containers (by default only from <see cref="FioReferee.MinimumContainers"/>).</summary>
    private static readonly WorkloadOption Fio = new("--fio")
    {
        Help = "run fio beside the io benchmarks whatever the containers per mode (default: from 5, where the report can judge io)",
        Bind = (o, _) => o with { Fio = true },
    };

    private static async Task<IWorkloadExecutor> CreateExecutorAsync(WorkloadSetup setup, CancellationToken cancellationToken)
    {
        var hostGuest = await GuestPreparation.HostBinaryAsync(setup, cancellationToken).ConfigureAwait(false);
        // By id, not tag: another checkout building the same tag mid-run (seen here: a runc cell ran another
        // branch's guest) cannot swap the guest under this run.
        var guestImage = setup.Engine is null ? null : await GuestPreparation.ImageAsync(setup, cancellationToken).ConfigureAwait(false);

        var scratch = ScratchLocation.Choose(setup.Options.ScratchDir, setup.RemoteEngine is null ? setup.Facts?.DockerRootDir : null, Path.GetTempPath(), ScratchLocation.FilesystemOf);
        setup.Log.Report(setup.RemoteEngine is null
            ? $"io scratch (host layer target, volumes): {scratch.Root} — {scratch.Reason}"
            : $"io volume target: a fresh volume on the engine's host per container (the engine at {setup.RemoteEngine} is remote)");
        return new GuestExecutor(setup.Engine, guestImage, setup.WindowsEngine, hostGuest, setup.Options.Profile, scratch.Root)
        {
            RunsFio = FioReferee.Runs(setup.Options),
            EngineSideVolume = setup.RemoteEngine is not null,
        };
    }
}
