using IsolationBench.Fingerprint;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Hosting;
using IsolationBench.Harness.Images;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Verification;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results;

namespace IsolationBench.Harness.Run;

/// <summary>manifest.json: what a run writes before its first cell, and what it adds when it ends, however it ends.</summary>
public static class RunManifests
{
    public static async Task<RunManifest> StartAsync(
        PreparedRun run, WorkloadRegistry registry, RepositoryLayout layout, IReadOnlyDictionary<string, string> images, IWindowsHostQueries? windowsHost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(layout);
        var preflight = run.Preflight;
        var options = run.Options;
        var workloads = run.WorkloadNames;
        return new RunManifest
        {
            RunId = run.RunId,
            ToolVersion = RunDirectories.ToolVersion,
            Commit = await HostFacts.CommitAsync(layout.Root, cancellationToken).ConfigureAwait(false),
            StartedUtc = run.Started,
            Status = "running",
            Host = await HostFacts.DescribeAsync(run.Self, cancellationToken).ConfigureAwait(false) with
            {
                HypervisorPresent = preflight.HypervisorPresent,
                // The data root is a path of this host only for a Windows engine on this machine.
                Defender = await (windowsHost ?? PowerShellHostQueries.Instance).DefenderAsync(
                    preflight.LocalWindowsEngine ? preflight.Facts?.DockerRootDir : null, cancellationToken).ConfigureAwait(false),
            },
            Engine = preflight.Facts is { } f ? Describe(f, preflight.Engine!.Endpoint) with { Remote = preflight.RemoteEngine is not null } : null,
            Modes = [.. run.Modes.Select(Describe)],
            Resources = new ResourceLimits(options.Resources.Cpus, options.Resources.MemoryBytes) { HostLimits = run.HostLimits?.Description },
            Baseline = run.Resumed?.Baseline ?? run.Baseline,
            Workloads = workloads,
            WorkloadDescriptors = registry.Descriptors(workloads),
            Images = new Dictionary<string, string>(images),
            Options = options.ToDictionary(run.Modes.Select(m => m.Name), workloads, registry.RecordedOptions(options, workloads)),
            Notes = Notes(run),
            Skipped = run.Skipped,
        };
    }

    /// <summary>The manifest as the run ends: status, verification, the modes as classified, the resources seen, the metrics declared.</summary>
    public static RunManifest Finish(RunManifest manifest, MatrixOutcome? outcome, string status, RunDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest with
        {
            FinishedUtc = DateTimeOffset.UtcNow,
            Status = status,
            Verification = outcome?.Verification ?? new Dictionary<string, ModeVerification>(),
            Modes = [.. manifest.Modes.Select(m => outcome?.Classified.TryGetValue(m.Name, out var c) == true ? m with { Boundary = c!.Boundary.ToString(), ClassifiedBy = c.Evidence } : m)],
            EffectiveResources = outcome?.Resources ?? new Dictionary<string, ModeResources>(),
            Metrics = DeclaredMetrics.Collect(directory, manifest.WorkloadDescriptors ?? []),
        };
    }

    private static ModeDescription Describe(IsolationMode m) => new(m.Name, m.Kind.ToString().ToLowerInvariant(), m.Runtime, m.Isolation)
    {
        Boundary = m.Boundary.ToString(),
        ClassifiedBy = m.ClassifiedBy,
        Parent = m.Parent,
        Knob = m.Knob,
        Note = m is { Parent: { } parent, Knob: { } knob } ? ModeVariants.LessIsolatedNote(parent, knob) : null,
    };

    private static IReadOnlyList<string> Notes(PreparedRun run)
    {
        if (run.Resumed is { } resumed)
        {
            return [.. resumed.Notes, $"resumed at {DateTimeOffset.UtcNow:u} after {run.MeasuredDone} cells"];
        }

        var notes = new List<string>();
        if (run.JitWarning is not null)
        {
            notes.Add(run.JitWarning);
        }

        notes.AddRange(RuntimeNotes.For(run.Modes, run.Preflight.Facts, run.Reference));
        if (run.RemoteNote is not null)
        {
            notes.Add(run.RemoteNote);
        }

        if (run.Options.Cold)
        {
            notes.Add(PageCache.Note);
        }

        return notes;
    }

    private static EngineDescription Describe(EngineFacts f, string endpoint) => new()
    {
        Endpoint = endpoint,
        Version = f.Version,
        ApiVersion = f.ApiVersion,
        OsType = f.OsType,
        OperatingSystem = f.OperatingSystem,
        KernelVersion = f.KernelVersion,
        DefaultRuntime = f.DefaultRuntime,
        DefaultIsolation = f.DefaultIsolation,
        Runtimes = f.Runtimes,
        Name = f.Name,
        Cpus = f.Cpus,
        MemoryBytes = f.MemoryBytes,
    };
}
