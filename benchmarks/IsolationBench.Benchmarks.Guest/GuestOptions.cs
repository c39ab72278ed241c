namespace IsolationBench.Benchmarks.Guest;

/// <summary>
/// The guest's command line, parsed. Directories are absolute. Fio: run the fio cross-check beside the io benchmarks,
/// at the time <paramref name="FioWhen"/> says.
/// </summary>
public sealed record GuestOptions(
    IReadOnlyList<string> Categories,
    GuestProfile Profile,
    string ArtifactsDir,
    string LayerDir,
    string? VolumeDir,
    string? Filter,
    bool Fio = false,
    FioWhen FioWhen = FioWhen.Around);

/// <summary>When fio's measured jobs run relative to ours, in one container.</summary>
public enum FioWhen
{
    /// <summary>Half before our io benchmarks, half after: brackets a drifting disk inside the container (two fio passes).</summary>
    Around,

    /// <summary>All before ours (one pass): the harness alternates Before and After by round, bracketing across the run.</summary>
    Before,

    /// <summary>All after ours.</summary>
    After,
}
