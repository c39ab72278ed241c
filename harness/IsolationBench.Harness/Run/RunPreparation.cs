using System.Globalization;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Hosting;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Verification;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results;

namespace IsolationBench.Harness.Run;

/// <summary>
/// The first part of a run: preflight, what is refused before anything is written (unknown or unsupported workloads,
/// options without their workload, --cold with a remote engine, a bad baseline), the sweep of earlier runs'
/// containers, and the run's directory, new or resumed.
/// </summary>
public static class RunPreparation
{
    public static async Task<PreparedRun> PrepareAsync(
        WorkloadRegistry registry, IProgress<string> log, IWindowsHostQueries? windowsHost, RunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var workloads = registry.Parse(options.Workloads);
        registry.ValidateOwnedOptions(options, workloads);
        var self = FingerprintCollector.Collect();
        var jitWarning = MeasuringProcess.Warning(MeasuringProcess.TieredCompilationNow);
        if (jitWarning is not null)
        {
            log.Report("warning: " + jitWarning);
        }

        var tls = EngineTlsSettings.FromEnvironment(options.TlsCa, options.TlsCert, options.TlsKey);
        var preflight = await Preflight.RunAsync(options.Engine, options.InsecureEngine, Preflight.NeedsEngine(options.Modes), cancellationToken, windowsHost, tls).ConfigureAwait(false);
        try
        {
            return await PrepareAsync(registry, log, options, workloads, preflight, self, jitWarning, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await preflight.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<PreparedRun> PrepareAsync(
        WorkloadRegistry registry, IProgress<string> log, RunOptions options, IReadOnlyList<string> workloads, PreflightResult preflight,
        IsolationFingerprint self, string? jitWarning, CancellationToken cancellationToken)
    {
        var modes = Selection.Modes(options.Modes, preflight.Catalog);
        Refuse(registry, options, workloads, modes, preflight);

        // Cells a mode cannot have (no network for network-host) are left out, said here and in the report; the rest runs.
        var skipped = registry.Skipped(workloads, modes, preflight.Facts);
        foreach (var skip in skipped)
        {
            log.Report($"{skip.Workload}: skipping mode {skip.Mode} — {skip.Reason}");
        }

        var baseline = ChooseBaseline(options.Baseline, modes);
        if (preflight.Engine is { } engine)
        {
            var swept = await new ContainerJanitor(engine).SweepAsync(null, includeLiveOwners: false, cancellationToken).ConfigureAwait(false);
            if (swept > 0)
            {
                log.Report(string.Create(CultureInfo.InvariantCulture, $"removed {swept} container(s) left behind by an earlier run"));
            }
        }

        var resumed = options.Resume is null ? null : RunDirectories.OpenForResume(options.Resume);
        var runId = resumed?.RunId ?? options.RunId ?? RunDirectories.NewRunId();

        // Refused before anything is written when the host baseline cannot get the containers' limits (not root…).
        var hostLimits = modes.Any(m => m.Kind == ModeKind.Host) ? HostLimits.Create(runId, options.Resources) : null;
        try
        {
            var directory = options.Resume is null ? RunDirectories.Create(options.Output, runId) : new RunDirectory(options.Resume);
            return new PreparedRun
            {
                Options = options,
                Workloads = [.. workloads.Select(registry.Get)],
                Preflight = preflight,
                Modes = modes,
                Skipped = skipped,
                Baseline = baseline,
                Self = self,
                // What containers are verified against: this machine, or a remote engine's host as its /info describes it.
                Reference = preflight.RemoteEngine is not null && preflight.Facts is { } remoteFacts ? EngineHostReference.From(remoteFacts, DateTimeOffset.UtcNow) : self,
                JitWarning = jitWarning,
                Resumed = resumed,
                RunId = runId,
                Started = resumed?.StartedUtc ?? DateTimeOffset.UtcNow,
                Directory = directory,
                Completed = RunDirectories.CompletedCells(directory, log),
                HostLimits = hostLimits,
            };
        }
        catch
        {
            hostLimits?.Dispose();
            throw;
        }
    }

    private static void Refuse(WorkloadRegistry registry, RunOptions options, IReadOnlyList<string> workloads, IReadOnlyList<IsolationMode> modes, PreflightResult preflight)
    {
        var facts = new SupportFacts(HostOs, preflight.Facts?.OsType)
        {
            Root = Environment.IsPrivilegedProcess,
            Runtimes = preflight.Facts?.RuntimeRegistrations,
            RemoteEngine = preflight.RemoteEngine,
        };
        if (registry.Unsupported(workloads, modes, facts) is { } unsupported)
        {
            throw new UsageException(unsupported);
        }

        if (options.Cold && preflight.RemoteEngine is { } remoteEngine)
        {
            throw new UsageException($"--cold drops this machine's page cache, and the engine at {remoteEngine} is on another: run isobench on the engine's host or drop --cold");
        }
    }

    /// <summary>"linux", "windows", or the OS's own description elsewhere (where the guest has nothing to run): what the support rules decide on.</summary>
    public static string HostOs =>
        OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsLinux() ? "linux" : System.Runtime.InteropServices.RuntimeInformation.OSDescription;

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
}
