using IsolationBench.Harness;
using IsolationBench.Harness.Lifecycle;
using System.Formats.Tar;
using System.Globalization;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Cages;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;
using IsolationBench.Results.BenchmarkDotNet;
using IsolationBench.Results.Io;

namespace IsolationBench.Workloads.Guest;

/// <summary>
/// Guest categories (syscall, io, cpu, memory, network) in one mode: the same isobench-guest binary runs as a host
/// process or in a container — one per round and mode, running the round's categories one after another;
/// BenchmarkDotNet measures inside; its JSON comes out through the engine's archive API after the container exits
/// (works for Hyper-V isolation too) and becomes each category's samples.
/// </summary>
public sealed class GuestExecutor(IContainerEngine? engine, string? image, bool windowsContainers, string hostBinary, string profile, string scratchRoot) : IWorkloadExecutor
{
    // Where Dockerfile.guest.{linux,windows} lay out the working folders.
    private readonly string _artifactsPath = windowsContainers ? @"C:\work\artifacts" : "/work/artifacts";
    private readonly string _layerPath = windowsContainers ? @"C:\work\layer" : "/work/layer";
    private readonly string _volumePath = windowsContainers ? @"C:\work\volume" : "/work/volume";

    /// <summary>Whether io containers run fio beside our io benchmarks (<see cref="FioReferee"/>); Linux containers and hosts only.</summary>
    public bool RunsFio { get; init; } = true;

    /// <summary>
    /// The io "volume" target is a fresh engine volume removed with the container instead of a bind mount of this
    /// machine's scratch folder: a remote engine's host has no such folder (it would make an empty one of its own).
    /// </summary>
    public bool EngineSideVolume { get; init; }

    public bool CanRun(string workload) => workload is "syscall" or "io" or "cpu" or "memory" or "network";

    // Results of categories that ran in an earlier cell's container, by cell key, until the plan reaches their cell.
    private readonly Dictionary<string, CellResult> _ranAhead = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs the cell's category — and, when the plan batches categories (<see cref="MatrixCell.Batch"/>), the ones after
    /// it in the batch too, in the same container; their results wait for their own cells. A resumed run that lost some
    /// of a batch runs the rest in a new container.
    /// </summary>
    public async Task<CellResult> ExecuteAsync(MatrixCell cell, RunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(context);
        if (_ranAhead.Remove(cell.Key, out var ready))
        {
            return ready;
        }

        var categories = CategoriesFrom(cell);
        var results = await RunAsync(cell, categories, context, cancellationToken).ConfigureAwait(false);
        foreach (var (category, result) in results.Where(r => r.Key != cell.Workload))
        {
            _ranAhead[(cell with { Workload = category }).Key] = result;
        }

        return results[cell.Workload];
    }

    /// <summary>The cell's category and the ones after it in its batch, in order.</summary>
    internal static IReadOnlyList<string> CategoriesFrom(MatrixCell cell)
    {
        var batch = cell.Batch.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(batch, cell.Workload);
        return at < 0 ? [cell.Workload] : batch[at..];
    }

    private async Task<Dictionary<string, CellResult>> RunAsync(MatrixCell cell, IReadOnlyList<string> categories, RunContext context, CancellationToken cancellationToken)
    {
        var artifacts = Path.Combine(context.Directory.Artifacts, cell.Mode.Name, "r" + cell.Round.ToString(CultureInfo.InvariantCulture), string.Join('+', categories));
        // A resumed run retakes these categories from scratch: what an interrupted attempt left here was never recorded.
        TryDelete(artifacts);
        Directory.CreateDirectory(artifacts);
        var volume = ScratchDirectory(context.RunId, cell.Mode.Name, "volume");
        var timeout = Timeout(cell.Mode) * categories.Count;
        WorkloadRun run;
        try
        {
            if (cell.Mode.Kind == ModeKind.Host)
            {
                var layer = ScratchDirectory(context.RunId, cell.Mode.Name, "layer");
                run = await HostProcessRunner.RunAsync(hostBinary, Arguments(cell, categories, artifacts, layer, volume), timeout, requireReadyLine: false, context.HostLimits, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var spec = new ContainerSpec
                {
                    Image = image ?? throw new InvalidOperationException("guest container without an image"),
                    Command = Arguments(cell, categories, _artifactsPath, _layerPath, _volumePath),
                    Labels = new Dictionary<string, string>(Labels.For(context, cell), StringComparer.Ordinal) { [Labels.Workload] = string.Join(',', categories) },
                    Runtime = cell.Mode.Runtime,
                    Isolation = cell.Mode.Isolation,
                    Limits = ContainerLimits.For(context.Resources, cell.Mode.Knob),
                    Binds = EngineSideVolume ? [] : [volume + ":" + _volumePath],
                    Volumes = EngineSideVolume ? [_volumePath] : [],
                };
                var lifecycle = new ContainerLifecycle(engine ?? throw new InvalidOperationException("container mode without an engine"));
                run = await lifecycle.RunAsync(spec, timeout, (id, ct) => CopyOutAsync(id, artifacts, ct), requireReadyLine: false, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            TryDelete(Path.Combine(scratchRoot, context.RunId, cell.Mode.Name));
        }

        File.WriteAllText(Path.Combine(artifacts, "guest.log"), run.StdOut + run.StdErr);
        var sampleContext = new GuestSampleContext(context.RunId, cell.Round, cell.Mode.Name, run.Source, DateTimeOffset.UtcNow);
        var outcomes = GuestCategoryOutcomes.Of(run.Failure, categories, ReadOutcomes(artifacts));
        IReadOnlyList<Sample> samples = [];
        IsolationFingerprint? fingerprint = null;
        if (outcomes.Values.Any(o => o is null))
        {
            try
            {
                fingerprint = ReadFingerprint(artifacts);
                samples = [.. BdnReportConverter.ConvertArtifacts(artifacts, sampleContext), .. FioReportConverter.ConvertArtifacts(artifacts, sampleContext),
                    .. Iperf3ReportConverter.ConvertArtifacts(artifacts, sampleContext)];
                if (outcomes.TryGetValue("io", out var io) && io is null)
                {
                    IoFactsCsv.AppendTargets(context.Directory.Path, GuestIoFacts.Targets(artifacts, sampleContext));
                    IoFactsCsv.AppendReads(context.Directory.Path, GuestIoFacts.Reads(artifacts, sampleContext));
                }
            }
            catch (Exception ex) when (ex is ResultsFormatException or FormatException or IOException)
            {
                outcomes = categories.ToDictionary(c => c, _ => (string?)("results unreadable: " + ex.Message), StringComparer.Ordinal);
            }
        }

        return outcomes.ToDictionary(
            o => o.Key,
            o => o.Value is { } failure
                ? new CellResult([Failed(cell with { Workload = o.Key }, context, run.Source, failure)], run.Source, null, failure, HeadlineMilliseconds: null)
                : new CellResult([.. samples.Where(s => s.Workload == o.Key)], run.Source, fingerprint, null, HeadlineMilliseconds: null),
            StringComparer.Ordinal);
    }

    private static IReadOnlyDictionary<string, string?>? ReadOutcomes(string artifacts)
    {
        var path = Path.Combine(artifacts, GuestCategoryOutcomes.FileName);
        try
        {
            return File.Exists(path) ? GuestCategoryOutcomes.Parse(File.ReadAllText(path)) : null;
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The io category also runs fio on the layer target in the same container (when <see cref="RunsFio"/>): a second
    /// opinion on our figures. Each operation's fio job runs right before our benchmark of it in odd rounds and right
    /// after it in even ones (see FioCrossCheck).
    /// </summary>
    internal List<string> Arguments(MatrixCell cell, string artifacts, string layer, string volume) =>
        Arguments(cell, CategoriesFrom(cell), artifacts, layer, volume);

    /// <remarks>
    /// The network category runs iperf3 beside our TCP bulk benchmark in every round (a second or two per container):
    /// before it in odd rounds, after it in even ones. Not in Windows containers: their image has no iperf3. fio needs no
    /// side: the guest interleaves its jobs with our iterations, alternating sides in every container.
    /// </remarks>
    internal List<string> Arguments(MatrixCell cell, IReadOnlyList<string> categories, string artifacts, string layer, string volume) =>
        ["--category", string.Join(',', categories), "--profile", profile, "--artifacts", artifacts, "--layer-dir", layer, "--volume-dir", volume,
            .. RunsFio && categories.Contains("io") && !windowsContainers ? ["--fio"] : Array.Empty<string>(),
            .. RunsIperf3 && categories.Contains("network") && !windowsContainers ? ["--iperf3", Side(cell)] : Array.Empty<string>()];

    /// <summary>Whether network containers run iperf3 beside our TCP bulk benchmark; Linux containers and hosts only.</summary>
    public bool RunsIperf3 { get; init; } = true;

    private static string Side(MatrixCell cell) => cell.Round % 2 == 1 ? "before" : "after";

    /// <summary>How long a guest container may live: BDN's profile sets the scale; sandboxes serve syscalls slowly.</summary>
    private TimeSpan Timeout(IsolationMode mode)
    {
        var minutes = profile switch { "quick" => 15, "thorough" => 360, _ => 90 };
        var factor = mode.MayBeSandbox ? 3 : 1;
        return TimeSpan.FromMinutes(minutes * factor);
    }

    private async Task CopyOutAsync(string containerId, string destination, CancellationToken cancellationToken)
    {
        // Buffered first: the archive is small (BDN JSON, logs), and TarReader over the raw HTTP stream hit an early
        // end of stream (seen here with Docker 20.10): read the whole response, then untar.
        using var buffer = new MemoryStream();
        await using (var tar = await engine!.GetArchiveAsync(containerId, _artifactsPath, cancellationToken).ConfigureAwait(false))
        {
            await tar.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        buffer.Position = 0;
        await using var reader = new TarReader(buffer);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            // The archive's entries start with the folder's own name ("artifacts/…"): strip it.
            var slash = entry.Name.IndexOf('/', StringComparison.Ordinal);
            var relative = slash < 0 ? string.Empty : entry.Name[(slash + 1)..];
            if (relative.Length == 0 || entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
            {
                continue;
            }

            var target = Path.GetFullPath(Path.Combine(destination, relative));
            if (!target.StartsWith(Path.GetFullPath(destination) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new IOException($"archive entry {entry.Name} points outside the artifacts folder");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await entry.ExtractToFileAsync(target, overwrite: true, cancellationToken).ConfigureAwait(false);
        }
    }

    private static IsolationFingerprint? ReadFingerprint(string artifacts)
    {
        var path = Path.Combine(artifacts, "fingerprint.json");
        return File.Exists(path) ? FingerprintJson.Parse(File.ReadAllText(path).Trim()) : null;
    }

    private string ScratchDirectory(string runId, string mode, string name)
    {
        var path = Path.Combine(scratchRoot, runId, mode, name);
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            // The container's root has no CAP_DAC_OVERRIDE (all capabilities dropped): let any uid write here.
            File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
        }

        return path;
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Scratch space (ScratchLocation); a leftover is harmless: the folder is per run id.
        }
        catch (UnauthorizedAccessException)
        {
            // Files written by the container as another uid: same.
        }
    }

    private static Sample Failed(MatrixCell cell, RunContext context, string source, string failure) =>
        (SampleFactory.For(cell, context) with { Source = source }).Failed("(run)", Units.NanosecondsPerOp, failure);
}
