using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Modes;

namespace IsolationBench.Harness.Workloads;

/// <summary>
/// What a workload's executor factory may use: the run's engine (null without container modes), its facts, the
/// repository, the options, and a memo so that workloads sharing a preparation (the four guest categories share one
/// guest image and executor) build it once.
/// </summary>
public sealed class WorkloadSetup(
    Images.RepositoryLayout layout,
    IContainerEngine? engine,
    EngineFacts? facts,
    IReadOnlyList<IsolationMode> modes,
    RunOptions options,
    string? windowsTag,
    IProgress<string> log,
    Action<Images.BuiltImage> recordImage)
{
    private readonly Dictionary<string, object> _shared = new(StringComparer.Ordinal);
    private readonly List<Task> _background = [];

    public Images.RepositoryLayout Layout => layout;

    /// <summary>Null when the run has no container mode (or no engine).</summary>
    public IContainerEngine? Engine => Containers ? engine : null;

    public EngineFacts? Facts => facts;

    /// <summary>The endpoint of an engine on another machine; null for a local one (its paths are then this machine's).</summary>
    public string? RemoteEngine { get; init; }

    public IReadOnlyList<IsolationMode> Modes => modes;

    public RunOptions Options => options;

    /// <summary>The nanoserver tag of a Windows engine's images; null on Linux.</summary>
    public string? WindowsTag => windowsTag;

    public IProgress<string> Log => log;

    public bool Containers => engine is not null && modes.Any(m => m.Kind == ModeKind.Container);

    public bool WindowsEngine => string.Equals(facts?.OsType, "windows", StringComparison.OrdinalIgnoreCase);

    /// <summary>The runtime identifier of binaries run on this host (the host mode's).</summary>
    public static string HostRid => Images.RepositoryLayout.RuntimeIdentifier(OperatingSystem.IsWindows() ? "windows" : "linux");

    /// <summary>Writes a built image into the manifest's images and says whether it was reused.</summary>
    public void Record(Images.BuiltImage built) => recordImage(built);

    /// <summary>Every preparation started with <see cref="StartInBackground{T}"/>, done or not.</summary>
    public Task Background => Task.WhenAll(_background);

    /// <summary>Starts <paramref name="start"/> once (not awaited); later calls with <paramref name="key"/> get the same task.</summary>
    public Task<T> StartInBackground<T>(string key, Func<Task<T>> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (_shared.TryGetValue("background:" + key, out var running))
        {
            return (Task<T>)running;
        }

        var task = start();
        _shared["background:" + key] = task;
        _background.Add(task);
        return task;
    }

    /// <summary>The value made by the first call with <paramref name="key"/>; later calls get the same one.</summary>
    public async Task<T> SharedAsync<T>(string key, Func<Task<T>> make)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(make);
        if (_shared.TryGetValue(key, out var made))
        {
            return (T)made;
        }

        var value = await make().ConfigureAwait(false);
        _shared[key] = value;
        return value;
    }
}
