namespace IsolationBench.Benchmarks.Guest;

/// <summary>
/// The guest's command line, parsed. Directories are absolute. Fio: run the fio cross-check beside the io benchmarks,
/// at the time <paramref name="FioWhen"/> says. Iperf3: run iperf3 beside the TCP bulk benchmark, on that side of it (null: not at all).
/// </summary>
public sealed record GuestOptions(
    IReadOnlyList<string> Categories,
    GuestProfile Profile,
    string ArtifactsDir,
    string LayerDir,
    string? VolumeDir,
    string? Filter,
    bool Fio = false,
    FioWhen FioWhen = FioWhen.Around,
    Iperf3.Iperf3CrossCheck.Side? Iperf3 = null);

/// <summary>When fio's measured jobs run relative to ours, in one container.</summary>
public enum FioWhen
{
    /// <summary>Half of an operation's fio jobs right before our benchmark of it, half right after (two fio warmups per operation).</summary>
    Around,

    /// <summary>All of an operation's fio jobs right before ours: the harness alternates Before and After by round, bracketing drift across the run.</summary>
    Before,

    /// <summary>All right after ours.</summary>
    After,
}
