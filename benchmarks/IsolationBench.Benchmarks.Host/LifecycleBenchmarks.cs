using IsolationBench.Harness.Lifecycle;
using BenchmarkDotNet.Attributes;
using IsolationBench.Harness;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Modes;

namespace IsolationBench.Benchmarks.Host;

/// <summary>
/// One invocation = one probe lifecycle, exactly what the harness's `total` times: for a container
/// create → attach → start → exit (ready line seen) → remove through <see cref="ContainerLifecycle"/>; for
/// <c>host</c> the probe as a process through <see cref="HostProcessRunner"/>. The same code the phase sampler
/// runs, so the two measurements can only differ by what surrounds them (BDN's loop vs the matrix's rounds).
/// </summary>
/// <remarks>
/// Modes are an [ArgumentsSource] on <see cref="Container"/> rather than a class-wide [ParamsSource]: BDN 0.15.8
/// cannot mark one param value as the baseline (dotnet/BenchmarkDotNet#881), only a method or a job; a class-wide
/// param would also re-run the baseline method once per mode. <see cref="Host"/> is the baseline method and
/// <see cref="SingleGroupOrderer"/> puts every case in one logical group, so Ratio = mode / host.
/// Not sealed: BDN refuses sealed benchmark classes.
/// </remarks>
[BenchmarkCategory("startup")]
public class LifecycleBenchmarks
{
    public const string Workload = "engine-bench";
    private static readonly TimeSpan HostTimeout = TimeSpan.FromSeconds(30);

    private IContainerEngine? _engine;
    private string? _measuring;
    private ContainerLifecycle? _lifecycle;

    /// <summary>The container modes the harness passed in (the engine offers them: preflight resolved the names).</summary>
    public static IEnumerable<string> ContainerModes() => EngineBenchSettings.Current.ContainerModes.Select(m => m.Name);

    // Both benchmarks need the engine: the interleaving round below runs containers before host samples too.
    [GlobalSetup]
    public async Task ConnectAsync()
    {
        var options = EngineBenchSettings.Current;
        var preflight = await Preflight.RunAsync(options.Engine, options.InsecureEngine, engineRequired: true, CancellationToken.None, tls: EngineTlsSettings.FromEnvironment(options.TlsCa, options.TlsCert, options.TlsKey)).ConfigureAwait(false);
        _engine = preflight.Engine!;
        _lifecycle = new ContainerLifecycle(_engine);
    }

    [GlobalCleanup]
    public async Task DisconnectAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Before every measured lifecycle, one untimed lifecycle of every mode — the harness's matrix interleaves
    /// modes in every round (in a balanced order) so drift hits all alike, and a lifecycle right after other modes' is slower than one
    /// right after its own (measured here: runc 264 ms interleaved vs 202 ms back to back). BDN would otherwise
    /// run each mode back to back and the cross-check would compare two different conditions, not two clocks.
    /// </summary>
    [IterationSetup]
    public void InterleaveOneRound()
    {
        var options = EngineBenchSettings.Current;
        foreach (var mode in Preceding([.. options.Modes], _measuring))
        {
            var run = mode.Kind == ModeKind.Host
                ? HostProcessRunner.RunAsync(options.ProbeBinary, [], HostTimeout, requireReadyLine: true, CancellationToken.None).GetAwaiter().GetResult()
                : _lifecycle!.RunAsync(Spec(options, mode), mode.ContainerTimeout, afterExit: null, requireReadyLine: true, CancellationToken.None).GetAwaiter().GetResult();
            ThrowIfFailed(mode.Name, run);
        }
    }

    /// <summary>
    /// The cells that precede a mode's sample in a round-robin round (the harness varies the order between rounds;
    /// here every other mode runs once before each sample): the modes after it, then those before it. BDN's iteration setup cannot see the benchmark's argument, so the mode comes from the last invocation
    /// (the first warmup of each case runs after a whole round instead: warmups are discarded).
    /// </summary>
    internal static IEnumerable<IsolationMode> Preceding(IReadOnlyList<IsolationMode> modes, string? measuring)
    {
        var at = modes.ToList().FindIndex(m => m.Name == measuring);
        return at < 0 ? modes : modes.Skip(at + 1).Concat(modes.Take(at));
    }

    // BDN cannot cancel a benchmark midway: CancellationToken.None here, the per-lifecycle timeouts still apply.
    [Benchmark(Baseline = true, Description = "host")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet calls benchmarks on an instance")]
    public async Task Host()
    {
        var run = await HostProcessRunner.RunAsync(EngineBenchSettings.Current.ProbeBinary, [], HostTimeout, requireReadyLine: true, CancellationToken.None).ConfigureAwait(false);
        _measuring = IsolationMode.Host.Name;
        ThrowIfFailed("host", run);
    }

    [Benchmark]
    [ArgumentsSource(nameof(ContainerModes))]
    public async Task Container(string mode)
    {
        var options = EngineBenchSettings.Current;
        var isolation = options.Modes.Single(m => m.Name == mode);
        var run = await _lifecycle!.RunAsync(Spec(options, isolation), isolation.ContainerTimeout, afterExit: null, requireReadyLine: true, CancellationToken.None).ConfigureAwait(false);
        _measuring = mode;
        ThrowIfFailed(mode, run);
    }

    private static ContainerSpec Spec(EngineBenchOptions options, IsolationMode mode) => new()
    {
        Image = options.ProbeImage,
        Labels = new Dictionary<string, string>(Labels.ForRun(options.RunId), StringComparer.Ordinal)
        {
            [Labels.Mode] = mode.Name,
            [Labels.Workload] = Workload,
        },
        Runtime = mode.Runtime,
        Isolation = mode.Isolation,
    };

    // A failed lifecycle would be a fast, meaningless sample: BDN marks the case failed instead of timing it.
    private static void ThrowIfFailed(string mode, WorkloadRun run)
    {
        if (!run.Ok)
        {
            throw new InvalidOperationException($"{mode}: probe lifecycle failed: {run.Failure}");
        }
    }
}
