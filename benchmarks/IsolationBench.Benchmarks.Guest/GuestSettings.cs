namespace IsolationBench.Benchmarks.Guest;

/// <summary>
/// Where the io benchmarks write. Static because BenchmarkDotNet creates the benchmark instances itself; the
/// in-process toolchain runs them in this very process, so what Program sets here is what they see.
/// </summary>
public static class GuestSettings
{
    public static string LayerDir { get; set; } = GuestArguments.DefaultLayerDir;

    public static string? VolumeDir { get; set; }

    public static string DirectoryFor(string target) => target switch
    {
        IoTargets.Layer => LayerDir,
        IoTargets.Volume => VolumeDir ?? throw new InvalidOperationException("the volume target needs --volume-dir"),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "unknown io target"),
    };
}

public static class IoTargets
{
    public const string Layer = "layer";
    public const string Volume = "volume";
}
