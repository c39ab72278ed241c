namespace IsolationBench.Benchmarks.Guest;

/// <summary>The guest's command line, parsed. Directories are absolute. Fio: run the fio cross-check after the io benchmarks.</summary>
public sealed record GuestOptions(
    IReadOnlyList<string> Categories,
    GuestProfile Profile,
    string ArtifactsDir,
    string LayerDir,
    string? VolumeDir,
    string? Filter,
    bool Fio = false);
