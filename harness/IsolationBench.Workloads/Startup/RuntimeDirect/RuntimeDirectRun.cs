using IsolationBench.Harness;
using IsolationBench.Harness.Lifecycle;
using System.Globalization;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Workloads.Startup.RuntimeDirect;

/// <summary>
/// Runtime-direct startup for one run: the probe image's bundle prepared once under the run's state dir, then
/// lifecycles on each OCI runtime the engine registered, each with its own state root. Disposing deletes every
/// container the runtimes still list and the whole state dir; opening sweeps what dead runs left.
/// </summary>
public sealed class RuntimeDirectRun : IAsyncDisposable
{
    private readonly RunStateDir _state;
    private readonly BundleSpec _spec;
    private readonly IReadOnlyDictionary<string, RuntimeCommand> _runtimes;
    private readonly OrphanReaper _reaper = OrphanReaper.Create();
    private int _containers;

    private RuntimeDirectRun(RunStateDir state, BundleSpec spec, IReadOnlyDictionary<string, RuntimeCommand> runtimes)
    {
        _state = state;
        _spec = spec;
        _runtimes = runtimes;
    }

    /// <summary>The runtimes that can run a bundle (a registration with a binary), by name.</summary>
    public IReadOnlyList<string> Runtimes => [.. _runtimes.Keys.Order(StringComparer.Ordinal)];

    public string StateDir => _state.Path;

    /// <summary>The runtimes' orphans this run adopted and reaped so far.</summary>
    internal int OrphansReaped => _reaper.Reaped;

    public RuntimeCommand Command(string runtime) =>
        _runtimes.TryGetValue(runtime, out var command) ? command : throw new ArgumentException($"runtime {runtime} has no binary registered with the engine (has: {string.Join(", ", Runtimes)})", nameof(runtime));

    /// <param name="probe">The startup container's spec as the engine path builds it (image, command, env, limits).</param>
    /// <param name="engine">The engine's /info: its OS and runtimes (each runtime's binary and the arguments the engine gives it).</param>
    /// <exception cref="PlatformNotSupportedException">Not Linux, not root, or not a Linux engine: the one-line reason.</exception>
    public static async Task<RuntimeDirectRun> OpenAsync(
        IImageFilesystem images,
        ContainerSpec probe,
        string runId,
        EngineFacts engine,
        string baseDir,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(engine);
        if (RuntimeDirectSupport.RefusalHere(engine.OsType) is { } refusal)
        {
            throw new PlatformNotSupportedException(refusal);
        }

        var registrations = engine.RuntimeRegistrations;
        await SweepAsync(baseDir, registrations, RunStateDir.ProcessAlive, cancellationToken).ConfigureAwait(false);
        var state = RunStateDir.Create(baseDir, runId);
        try
        {
            var process = await OciBundle.PrepareAsync(images, probe.Image, probe.Labels, state.Bundle, cancellationToken).ConfigureAwait(false);
            var spec = BundleSpec.From(probe, process, hostname: string.Empty);
            // An image with nothing to run or a named user fails here, once, not at every cell.
            _ = OciConfig.Build(spec, "/");
            var runtimes = registrations
                .Select(r => RuntimeCommand.From(r.Key, r.Value, state.RootFor(r.Key)))
                .OfType<RuntimeCommand>()
                // containerd's shim names (io.containerd.runc.v2) are the engine's plumbing, not runtimes a user picks.
                .Where(r => !r.Name.StartsWith("io.containerd.", StringComparison.Ordinal))
                .ToDictionary(r => r.Name, StringComparer.Ordinal);
            return new RuntimeDirectRun(state, spec, runtimes);
        }
        catch
        {
            TryDelete(state.Path);
            throw;
        }
    }

    /// <summary>One lifecycle of the probe on <paramref name="runtime"/>; a fresh container id and config.json each time.</summary>
    public async Task<WorkloadRun> RunAsync(string runtime, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var command = Command(runtime);
        var id = string.Create(CultureInfo.InvariantCulture, $"isobench-rd-{Environment.ProcessId}-{Interlocked.Increment(ref _containers)}");
        Directory.CreateDirectory(command.StateRoot);
        // Written before the clock starts: the engine's config generation is in its create, ours is not — said in the report.
        await OciBundle.WriteConfigAsync(_state.Bundle, _spec with { Hostname = id }, "/" + id, cancellationToken).ConfigureAwait(false);
        using (_reaper.Open())
        {
            return await RuntimeDirectLifecycle.RunAsync(command, _state.Bundle, id, timeout, _reaper, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await DeleteContainersAsync(_state.Path, _runtimes, cleanup.Token).ConfigureAwait(false);
        TryDelete(_state.Path);
        _reaper.Dispose();
    }

    /// <summary>Removes the state dirs of runs whose harness died, after deleting the containers their runtimes still list.</summary>
    public static async Task SweepAsync(string baseDir, IReadOnlyDictionary<string, RuntimeRegistration> registrations, Func<int, bool> processAlive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        foreach (var dir in RunStateDir.Abandoned(baseDir, processAlive))
        {
            var runtimes = RunStateDir.RuntimesIn(dir)
                .Select(name => registrations.TryGetValue(name, out var r) ? RuntimeCommand.From(name, r, Path.Combine(dir, "state-" + name)) : null)
                .OfType<RuntimeCommand>()
                .ToDictionary(r => r.Name, StringComparer.Ordinal);
            await DeleteContainersAsync(dir, runtimes, cancellationToken).ConfigureAwait(false);
            TryDelete(dir);
        }
    }

    private static async Task DeleteContainersAsync(string runDir, IReadOnlyDictionary<string, RuntimeCommand> runtimes, CancellationToken cancellationToken)
    {
        foreach (var name in RunStateDir.RuntimesIn(runDir))
        {
            if (!runtimes.TryGetValue(name, out var runtime))
            {
                continue;
            }

            try
            {
                var list = await RuntimeProcess.RunAsync(runtime.Executable, runtime.List(), cancellationToken).ConfigureAwait(false);
                foreach (var id in list.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    await RuntimeProcess.RunAsync(runtime.Executable, runtime.Delete(id), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
            {
                // Best effort: the directory's removal below still runs.
            }
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Still in use (a runtime that would not let go): the next run's sweep retries.
        }
    }
}
