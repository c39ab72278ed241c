namespace IsolationBench.Benchmarks.Guest;

/// <summary>
/// The guest's command line, parsed. Directories are absolute. Fio: interleave fio's job of each refereed io operation
/// with our iterations of it (Fio.FioInterleave). Iperf3: run iperf3 beside the TCP bulk benchmark, on that side of it (null: not at all).
/// </summary>
public sealed record GuestOptions(
    IReadOnlyList<string> Categories,
    GuestProfile Profile,
    string ArtifactsDir,
    string LayerDir,
    string? VolumeDir,
    string? Filter,
    bool Fio = false,
    Iperf3.Iperf3CrossCheck.Side? Iperf3 = null);
