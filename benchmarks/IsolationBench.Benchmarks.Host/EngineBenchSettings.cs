using IsolationBench.Harness.Modes;

namespace IsolationBench.Benchmarks.Host;

/// <summary>
/// What one engine-bench run measures. BDN builds benchmark instances itself (no constructor arguments), so the
/// benchmarks read these from <see cref="EngineBenchSettings.Current"/>, set before BenchmarkRunner.Run; the
/// in-process toolchain keeps that static visible to them.
/// </summary>
public sealed record EngineBenchOptions
{
    /// <summary>The modes to measure, in the order given; <c>host</c> (when present) is BDN's baseline.</summary>
    public required IReadOnlyList<IsolationMode> Modes { get; init; }

    /// <summary>The probe image the harness built (ImageBuilder), e.g. isolationbench/probe:0.1.0-linux.</summary>
    public required string ProbeImage { get; init; }

    /// <summary>The probe published for the host (RepositoryLayout.EnsureProbeAsync): what <c>host</c> runs.</summary>
    public required string ProbeBinary { get; init; }

    /// <summary>BDN's artifacts path: logs here, exports under results/.</summary>
    public required string ArtifactsDir { get; init; }

    /// <summary>Every container carries isolationbench.run=RunId, so the harness's janitor removes leftovers.</summary>
    public required string RunId { get; init; }

    public string? Engine { get; init; }

    public bool InsecureEngine { get; init; }

    public string? TlsCa { get; init; }

    public string? TlsCert { get; init; }

    public string? TlsKey { get; init; }

    public EngineBenchProfile Profile { get; init; } = EngineBenchProfile.Measure;

    /// <summary>Measured lifecycles per mode (BDN iterations).</summary>
    public int Iterations { get; init; } = 30;

    /// <summary>Discarded lifecycles per mode before measuring (BDN warmup iterations).</summary>
    public int Warmup { get; init; } = 3;

    public IEnumerable<IsolationMode> ContainerModes => Modes.Where(m => m.Kind == ModeKind.Container);

    public bool HasHost => Modes.Any(m => m.Kind == ModeKind.Host);
}

public enum EngineBenchProfile
{
    /// <summary>The real thing: Monitoring strategy with the iteration and warmup counts asked for.</summary>
    Measure,

    /// <summary>Tests: a pipeline check from a Debug build (two iterations, no warmup); numbers not meaningful.</summary>
    Smoke,
}

public static class EngineBenchSettings
{
    private static EngineBenchOptions? _current;

    public static EngineBenchOptions Current =>
        _current ?? throw new InvalidOperationException("EngineBenchSettings.Current is not set: run the benchmarks through EngineBenchRunner");

    internal static void Set(EngineBenchOptions options) => _current = options;
}
