using System.Globalization;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.EngineBench;
using IsolationBench.Harness.Guest;
using IsolationBench.Harness.Hosting;
using IsolationBench.Harness.Images;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Startup;
using IsolationBench.Harness.Verification;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results;
using IsolationBench.Results.Workloads;

namespace IsolationBench.Harness;

/// <summary>
/// One `isobench run`: preflight → images → matrix → manifest. The composition of the harness's parts; the CLI
/// only parses arguments and prints.
/// </summary>
/// <param name="windowsHost">Windows-only host facts (hypervisor, Defender); null asks the real host through PowerShell.</param>
public sealed class RunSession(RepositoryLayout layout, IProgress<string> log, IProgress<MatrixProgress>? progress, IWindowsHostQueries? windowsHost = null)
{
    private readonly Dictionary<string, string> _images = new(StringComparer.Ordinal);

    public static string ToolVersion =>
        typeof(RunSession).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public async Task<RunSummary> RunAsync(RunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var workloads = Selection.WorkloadList(options.Workloads);
        var self = FingerprintCollector.Collect();
        var jitWarning = MeasuringProcess.Warning(MeasuringProcess.TieredCompilationNow);
        if (jitWarning is not null)
        {
            log.Report("warning: " + jitWarning);
        }

        await using var preflight = await Preflight.RunAsync(options.Engine, options.InsecureEngine, Preflight.NeedsEngine(options.Modes), cancellationToken, windowsHost, Engine.EngineTlsSettings.FromEnvironment(options.TlsCa, options.TlsCert, options.TlsKey)).ConfigureAwait(false);
        var modes = Selection.Modes(options.Modes, preflight.Catalog);
        if (HarnessCatalog.Unsupported(workloads, modes, new SupportFacts(GuestSupport.HostOs, preflight.Facts?.OsType) { Root = Environment.IsPrivilegedProcess, Runtimes = preflight.Facts?.RuntimeRegistrations, RemoteEngine = preflight.RemoteEngine }) is { } unsupported)
        {
            throw new UsageException(unsupported);
        }

        if (options.Cold && preflight.RemoteEngine is { } remoteEngine)
        {
            throw new UsageException($"--cold drops this machine's page cache, and the engine at {remoteEngine} is on another: run isobench on the engine's host or drop --cold");
        }

        // What containers are verified against: this machine, or a remote engine's host as its /info describes it.
        var remoteNote = (string?)null;
        var reference = preflight.RemoteEngine is not null && preflight.Facts is { } remoteFacts ? EngineHostReference.From(remoteFacts, DateTimeOffset.UtcNow) : self;

        // Cells a mode cannot have (no network for network-host) are left out, said here and in the report; the rest runs.
        var skipped = HarnessCatalog.Skipped(workloads, modes, preflight.Facts);
        foreach (var skip in skipped)
        {
            log.Report($"{skip.Workload}: skipping mode {skip.Mode} — {skip.Reason}");
        }

        var baseline = ChooseBaseline(options.Baseline, modes);
        var engine = preflight.Engine;
        if (engine is not null)
        {
            var swept = await new ContainerJanitor(engine).SweepAsync(null, includeLiveOwners: false, cancellationToken).ConfigureAwait(false);
            if (swept > 0)
            {
                log.Report(string.Create(CultureInfo.InvariantCulture, $"removed {swept} container(s) left behind by an earlier run"));
            }
        }

        var resumed = options.Resume is null ? null : OpenForResume(options.Resume);
        var runId = resumed?.RunId ?? options.RunId ?? NewRunId();

        // Refused before anything is written when the host baseline cannot get the containers' limits (not root…).
        using var hostLimits = modes.Any(m => m.Kind == ModeKind.Host) ? HostLimits.Create(runId, options.Resources) : null;
        var directory = options.Resume is null ? CreateRunDirectory(options.Output, runId) : new RunDirectory(options.Resume);
        var started = resumed?.StartedUtc ?? DateTimeOffset.UtcNow;
        var completed = CompletedCells(directory);
        // Round 0 holds the first containers' rows (first.*): a key the runner checks, not a measured cell.
        var measuredDone = completed.Count(k => !k.StartsWith("0/", StringComparison.Ordinal));
        var containers = engine is not null && modes.Any(m => m.Kind == ModeKind.Container);
        var windowsEngine = string.Equals(preflight.Facts?.OsType, "windows", StringComparison.OrdinalIgnoreCase);
        var windowsTag = windowsEngine && containers ? WindowsImageTag.Choose(preflight.Facts!, modes) : null;
        var setup = new WorkloadSetup(layout, engine, preflight.Facts, modes, options, windowsTag, log, built => Record(built)) { RemoteEngine = preflight.RemoteEngine };
        var executors = new List<IWorkloadExecutor>();
        var selected = workloads.Select(HarnessCatalog.Get).ToList();
        // Long preparations (the guest's debootstrap base) start first and run beside the publishes of the others.
        foreach (var workload in selected)
        {
            workload.StartEarly?.Invoke(setup, cancellationToken);
        }

        try
        {
            foreach (var workload in selected)
            {
                var executor = await workload.CreateExecutorAsync(setup, cancellationToken).ConfigureAwait(false);
                if (!executors.Contains(executor))
                {
                    executors.Add(executor);
                }
            }
        }
        catch when (!setup.Background.IsCompleted)
        {
            // A publish failed while debootstrap runs: let it finish (killing it would leave its chroot behind), then report.
            await Task.WhenAny(setup.Background).ConfigureAwait(false);
            throw;
        }

        if (preflight.RemoteEngine is not null && engine is not null
            && modes.Any(m => m.Boundary == KernelBoundary.VirtualMachine) && EngineHostBoot.SharedKernelMode(preflight.Catalog) is { } shared)
        {
            (reference, remoteNote) = await EngineHostBoot.LearnAsync(
                engine, await ProbePreparation.ImageAsync(setup, cancellationToken).ConfigureAwait(false), shared, reference, Labels.ForRun(runId), options.Resources, cancellationToken).ConfigureAwait(false);
            log.Report(remoteNote);
        }

        var manifest = new RunManifest
        {
            RunId = runId,
            ToolVersion = ToolVersion,
            Commit = await HostFacts.CommitAsync(layout.Root, cancellationToken).ConfigureAwait(false),
            StartedUtc = started,
            Status = "running",
            Host = await HostFacts.DescribeAsync(self, cancellationToken).ConfigureAwait(false) with
            {
                HypervisorPresent = preflight.HypervisorPresent,
                // The data root is a path of this host only for a Windows engine on this machine.
                Defender = await (windowsHost ?? PowerShellHostQueries.Instance).DefenderAsync(
                    preflight.LocalWindowsEngine ? preflight.Facts?.DockerRootDir : null, cancellationToken).ConfigureAwait(false),
            },
            Engine = preflight.Facts is { } f ? Describe(f, engine!.Endpoint) with { Remote = preflight.RemoteEngine is not null } : null,
            Modes = [.. modes.Select(m => new ModeDescription(m.Name, m.Kind.ToString().ToLowerInvariant(), m.Runtime, m.Isolation) { Boundary = m.Boundary.ToString(), ClassifiedBy = m.ClassifiedBy, Parent = m.Parent, Knob = m.Knob, Note = m is { Parent: { } parent, Knob: { } knob } ? ModeVariants.LessIsolatedNote(parent, knob) : null })],
            Resources = new ResourceLimits(options.Resources.Cpus, options.Resources.MemoryBytes) { HostLimits = hostLimits?.Description },
            Baseline = resumed?.Baseline ?? baseline,
            Workloads = workloads,
            WorkloadDescriptors = WorkloadCatalog.For(workloads),
            Images = new Dictionary<string, string>(_images),
            Options = options.ToDictionary(modes.Select(m => m.Name), workloads),
            Notes = resumed is null ? [.. Notes(modes, jitWarning, preflight.Facts, reference), .. remoteNote is null ? Array.Empty<string>() : [remoteNote], .. options.Cold ? new[] { PageCache.Note } : Array.Empty<string>()] : [.. resumed.Notes, $"resumed at {DateTimeOffset.UtcNow:u} after {measuredDone} cells"],
            Skipped = skipped,
        };
        directory.WriteManifest(manifest);

        var plan = MatrixPlan.Build(modes, workloads, options.Samples, options.Warmup, options.EffectiveGuestRounds, (w, m) => skipped.Any(s => s.Workload == w && s.Mode == m.Name));
        var context = new RunContext(runId, directory, Labels.ForRun(runId)) { Resources = options.Resources, HostLimits = hostLimits };
        log.Report(string.Create(CultureInfo.InvariantCulture,
            $"run {runId}: {modes.Count} mode(s) × {string.Join(",", workloads)}, {plan.Count(c => !c.Warmup)} measured + {plan.Count(c => c.Warmup)} warmup cells → {directory.Path}"));
        if (measuredDone > 0)
        {
            log.Report(string.Create(CultureInfo.InvariantCulture, $"resuming: {measuredDone} measured cells already done, {plan.Count(c => !c.Warmup && !completed.Contains(c.Key))} to go"));
        }

        MatrixOutcome? outcome = null;
        var status = "failed";
        try
        {
            using var writer = new SampleWriter(directory.Samples);
            // The engine's own clock for the startup containers (engine-events.csv), beside the harness's phases.
            await using var events = containers && workloads.Contains(StartupPhases.Workload)
                ? EngineEventRecorder.Start(engine!, runId, directory.EngineEvents, log, cancellationToken)
                : null;
            var runner = new MatrixRunner(executors, reference, options.AllowMismatch)
            {
                // --cold: the sampling plan's before-cell hook of cold-start workloads (startup, startup-runtime).
                BeforeCell = options.Cold
                    ? (cell, ct) => HarnessCatalog.Find(cell.Workload)?.Planning == WorkloadPlanning.ColdStart ? PageCache.DropAsync(ct) : Task.CompletedTask
                    : null,
            };
            // BDN's lifecycle benchmarks run on the same modes, image and probe binary, between the two halves of the
            // startup rounds: the harness's medians then span BDN's time window, so drift of the machine over the
            // run cannot pass for a disagreement between the two (measured here: ±10 % between adjacent minutes).
            EngineBenchOutcome? engineBench = null;
            var interlude = options.EngineBench
                ? new MatrixInterlude(MatrixPlan.Midpoint(plan, StartupPhases.Workload), async ct => engineBench = await new EngineBenchLauncher(layout, log).RunAsync(
                    new EngineBenchRequest(runId, [.. modes.Select(m => m.Name)], await ProbePreparation.ImageAsync(setup, ct).ConfigureAwait(false), await ProbePreparation.HostProbeAsync(setup, ct).ConfigureAwait(false), directory.Path, options.Samples, options.Warmup, options.Engine, options.InsecureEngine)
                    {
                        TlsArguments = Engine.EngineTlsSettings.FromEnvironment(options.TlsCa, options.TlsCert, options.TlsKey).ToArguments(),
                    },
                    ct).ConfigureAwait(false))
                : null;
            outcome = await runner.RunAsync(plan, context, writer, progress, completed, cancellationToken, interlude).ConfigureAwait(false);
            status = outcome.MismatchReason is null ? "complete" : "failed";
            return new RunSummary(directory, outcome, status) { EngineBench = engineBench };
        }
        catch (OperationCanceledException)
        {
            status = "partial";
            throw;
        }
        catch (EngineUnavailableException ex)
        {
            // The engine died mid-run: what was measured is kept; --resume completes the run once it is back.
            status = "partial";
            throw new EngineLostException($"{ex.Message} — the run stopped; samples taken so far are kept in {directory.Path}; when the engine is back: isobench run --resume {directory.Path}", ex);
        }
        finally
        {
            // Executors that hold something outside the engine (runtime-direct's bundle and runtime state) let go of it
            // whatever happened, Ctrl+C included; a killed run's leftovers are swept by the next run that opens one.
            foreach (var disposable in executors.OfType<IAsyncDisposable>())
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }

            directory.WriteManifest(manifest with
            {
                FinishedUtc = DateTimeOffset.UtcNow,
                Status = status,
                Verification = outcome?.Verification ?? new Dictionary<string, ModeVerification>(),
                Modes = [.. manifest.Modes.Select(m => outcome?.Classified.TryGetValue(m.Name, out var c) == true ? m with { Boundary = c!.Boundary.ToString(), ClassifiedBy = c.Evidence } : m)],
                EffectiveResources = outcome?.Resources ?? new Dictionary<string, ModeResources>(),
                Metrics = DeclaredMetrics.Collect(directory, workloads),
            });
            if (engine is not null)
            {
                // Whatever happened (Ctrl+C included), no container of this run stays behind; a dead engine
                // cannot be swept now — the next isobench command does it.
                using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                try
                {
                    await new ContainerJanitor(engine).SweepAsync(runId, includeLiveOwners: true, cleanup.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is EngineUnavailableException or EngineRequestException or OperationCanceledException)
                {
                    log.Report("could not remove this run's containers now (" + ex.Message.Split('\n')[0] + "); the next isobench command will");
                }
            }
        }
    }

    private string Record(BuiltImage built)
    {
        _images[built.Tag] = built.Id;
        log.Report(built.Reused ? $"image {built.Tag} is up to date" : $"built {built.Tag}");
        return built.Tag;
    }

    private static IReadOnlyList<string> Notes(IReadOnlyList<IsolationMode> modes, string? jitWarning, EngineFacts? facts, IsolationFingerprint self)
    {
        var notes = new List<string>();
        if (jitWarning is not null)
        {
            notes.Add(jitWarning);
        }

        notes.AddRange(RuntimeNotes.For(modes, facts, self));
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

    /// <summary>The baseline is chosen before anything is measured, so that a run never ends without one.</summary>
    private static string ChooseBaseline(string? asked, IReadOnlyList<IsolationMode> modes)
    {
        var names = modes.Select(m => m.Name).ToList();
        if (asked is not null && !names.Contains(asked, StringComparer.Ordinal))
        {
            throw new UsageException($"--baseline {asked} is not among the modes of this run ({string.Join(", ", names)}): pick one of them, or drop --baseline");
        }

        if (asked is not null && modes.First(m => m.Name == asked).IsVariant)
        {
            throw new UsageException($"--baseline {asked} is a variant, less isolated than its parent: it never anchors the ratios; pick a real mode, or drop --baseline");
        }

        return asked ?? BaselineRule.Choose(names) ?? throw new UsageException("no modes to run: give --modes");
    }

    private static RunManifest OpenForResume(string path)
    {
        var directory = new RunDirectory(path);
        var manifest = directory.ReadManifest();
        if (manifest.ToolVersion != ToolVersion)
        {
            throw new UsageException($"{path} was written by IsolationBench {manifest.ToolVersion}, this is {ToolVersion}: resume it with that version, or start a new run");
        }

        if (manifest.Status == "complete")
        {
            throw new UsageException($"{path} is already complete: nothing to resume (isobench report {path} writes its report)");
        }

        return manifest;
    }

    /// <summary>Cells whose samples are on disk (a cell's rows are written in one append: all or none).</summary>
    private ISet<string> CompletedCells(RunDirectory directory)
    {
        if (!File.Exists(directory.Samples))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        if (SampleCsv.TruncatePartialLastLine(directory.Samples))
        {
            log.Report($"dropped a partial last line of {directory.Samples} (the run was cut off mid-write)");
        }

        return SampleCsv.Read(directory.Samples)
            .Select(s => MatrixCell.KeyOf(s.Round, s.Workload, s.Mode))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static RunDirectory CreateRunDirectory(string output, string runId)
    {
        var path = Path.Combine(output, runId);
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
        {
            throw new UsageException($"run directory {path} already exists and is not empty: choose another --run-id (nothing was overwritten)");
        }

        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, ".write-test");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write to {path} ({ex.Message}): choose a writable --output");
        }

        return new RunDirectory(path);
    }

    public static string NewRunId() =>
        DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" +
        new string([.. Environment.MachineName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20)]);
}

public sealed record RunSummary(RunDirectory Directory, MatrixOutcome Outcome, string Status)
{
    /// <summary>Set when --engine-bench ran BenchmarkDotNet (in the middle of the startup rounds).</summary>
    public EngineBenchOutcome? EngineBench { get; init; }
}
