using BenchmarkDotNet.Attributes;
using IsolationBench.Harness;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Startup;

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
    private ContainerLifecycle? _lifecycle;

    /// <summary>The container modes the harness passed in (the engine offers them: preflight resolved the names).</summary>
    public static IEnumerable<string> ContainerModes() => EngineBenchSettings.Current.ContainerModes.Select(m => m.Name);

    [GlobalSetup(Target = nameof(Container))]
    public async Task ConnectAsync()
    {
        var options = EngineBenchSettings.Current;
        var preflight = await Preflight.RunAsync(options.Engine, options.InsecureEngine, engineRequired: true, CancellationToken.None).ConfigureAwait(false);
        _engine = preflight.Engine!;
        _lifecycle = new ContainerLifecycle(_engine);
    }

    [GlobalCleanup(Target = nameof(Container))]
    public async Task DisconnectAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync().ConfigureAwait(false);
        }
    }

    // BDN cannot cancel a benchmark midway: CancellationToken.None here, the per-lifecycle timeouts still apply.
    [Benchmark(Baseline = true, Description = "host")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet calls benchmarks on an instance")]
    public async Task Host()
    {
        var run = await HostProcessRunner.RunAsync(EngineBenchSettings.Current.ProbeBinary, [], HostTimeout, requireReadyLine: true, CancellationToken.None).ConfigureAwait(false);
        ThrowIfFailed("host", run);
    }

    [Benchmark]
    [ArgumentsSource(nameof(ContainerModes))]
    public async Task Container(string mode)
    {
        var options = EngineBenchSettings.Current;
        var isolation = options.Modes.Single(m => m.Name == mode);
        var spec = new ContainerSpec
        {
            Image = options.ProbeImage,
            Labels = new Dictionary<string, string>(Labels.ForRun(options.RunId), StringComparer.Ordinal)
            {
                [Labels.Mode] = mode,
                [Labels.Workload] = Workload,
            },
            Runtime = isolation.Runtime,
            Isolation = isolation.Isolation,
        };
        var run = await _lifecycle!.RunAsync(spec, isolation.ContainerTimeout, afterExit: null, requireReadyLine: true, CancellationToken.None).ConfigureAwait(false);
        ThrowIfFailed(mode, run);
    }

    // A failed lifecycle would be a fast, meaningless sample: BDN marks the case failed instead of timing it.
    private static void ThrowIfFailed(string mode, WorkloadRun run)
    {
        if (!run.Ok)
        {
            throw new InvalidOperationException($"{mode}: probe lifecycle failed: {run.Failure}");
        }
    }
}
