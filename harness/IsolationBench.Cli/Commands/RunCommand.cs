using System.Globalization;
using IsolationBench.Cli.CommandLine;
using IsolationBench.Cli.Output;
using IsolationBench.Harness.EngineBench;
using IsolationBench.Harness.Images;
using IsolationBench.Harness.Resources;
using IsolationBench.Harness.Workloads;
using IsolationBench.Harness;
using IsolationBench.Reporting.CrossCheck;
using IsolationBench.Results;

namespace IsolationBench.Cli.Commands;

internal sealed class RunCommand : ICommand
{
    public CommandSpec Spec { get; } = new(
        "run",
        "run the benchmark matrix and write results/<run-id>/",
        [
            new("--modes", false, "comma-separated isolation modes to compare (default: host + every mode the engine offers; isobench doctor lists them); a Linux container mode with one knob off runs beside it as PARENT+unconfined, +nomemlimit or +nocpulimit (less isolated: a diagnostic)") { Choices = Choices.KnownModes, ValueName = "MODE,…" },
            new("--workloads", false, $"comma-separated workloads (default: {string.Join(",", Choices.DefaultWorkloads)})") { Choices = Choices.Workloads, ValueName = "WORKLOAD,…" },
            new("--samples", false, "measured startup samples per mode") { Default = Choices.Number(Choices.RunDefaults.Samples), ValueName = "N" },
            new("--warmup", false, "discarded warmup rounds") { Default = Choices.Number(Choices.RunDefaults.Warmup), ValueName = "N" },
            new("--guest-rounds", false, $"guest benchmark containers per mode and category (default: the profile's, {string.Join(", ", Choices.Profiles.Select(p => p + " " + Choices.Number(RunOptions.DefaultGuestRounds(p))))})") { ValueName = "N" },
            new("--profile", false, "guest benchmark profile") { Default = Choices.RunDefaults.Profile, Choices = Choices.Profiles },
            new("--output", false, "folder that receives one directory per run") { Default = Choices.RunDefaults.Output, ValueName = "DIR" },
            new("--run-id", false, "name of the run directory (default: UTC time + host name)") { ValueName = "ID" },
            new("--cpus", false, "logical CPUs every mode gets, host included (default: all of this machine's)") { ValueName = "N" },
            new("--memory", false, "memory limit every mode gets, host included, e.g. 2g or 512m") { Default = Choices.Memory(Choices.RunDefaults.MemoryBytes), ValueName = "SIZE" },
            new("--engine", false, "engine endpoint (default: DOCKER_HOST or the platform's socket/pipe)") { ValueName = "URI" },
            new("--insecure-engine", true, "allow a plain-TCP engine endpoint"),
            .. EngineTlsOptions.Specs,
            new("--allow-mismatch", true, "record fingerprint mismatches instead of failing the run"),
            new("--no-report", true, "do not write the report at the end"),
            .. Registry.Options.Select(o => new OptionSpec(o.Flag, o.IsFlag, o.Help) { Default = o.Default, ValueName = o.ValueName }),
            new("--resume", false, "complete an interrupted run directory (same options; nothing retaken)") { ValueName = "RUN_DIR" },
            new("--baseline", false, $"mode the report divides by, checked against the modes before anything runs (default: the first present of {string.Join(", ", IsolationBench.Results.BaselineRule.Preference)})") { ValueName = "MODE" },
        ],
        0,
        0,
        "isobench run --modes host,runc,crun --workloads startup --samples 30");

    private static readonly string[] NotWithResume = ["--output", "--run-id"];
    private static WorkloadRegistry Registry => IsolationBench.Workloads.WorkloadModules.Registry;

    /// <summary>What --resume compares with the run's own: the run's common options and those its workloads record.</summary>
    private static readonly string[] RecordedOptions =
        ["--modes", "--workloads", "--samples", "--warmup", "--guest-rounds", "--profile", "--cpus", "--memory", .. Registry.Options.Where(o => o.Recorded is not null).Select(o => o.Flag)];

    private static RunOptions ResumeOptions(ParsedArguments args, string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"--resume {directory}: no such run directory");
        }

        foreach (var option in NotWithResume.Where(args.Has))
        {
            throw new UsageException($"{option} cannot be combined with --resume: the run keeps its own directory");
        }

        var manifest = new RunDirectory(directory).ReadManifest();
        var given = RecordedOptions
            .Where(args.Has)
            .ToDictionary(o => o, o => o == "--memory" ? Memory(args)?.ToString(CultureInfo.InvariantCulture) : args.String(o), StringComparer.Ordinal);
        return RunOptions.ForResume(directory, manifest.Options, given);
    }

    private static long? Memory(ParsedArguments args) => args.String("--memory") is { } raw
        ? MemorySize.TryParse(raw) ?? throw new UsageException($"--memory '{raw}' is not a size: give e.g. 2g, 512m or 2147483648 (bytes)")
        : null;

    public async Task<int> ExecuteAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var options = args.String("--resume") is { } resume ? ResumeOptions(args, resume) : new RunOptions
        {
            Modes = args.String("--modes"),
            Workloads = args.String("--workloads"),
            Samples = args.Int("--samples"),
            Warmup = args.Int("--warmup"),
            GuestRounds = args.Has("--guest-rounds") ? args.Int("--guest-rounds", 0) : null,
            Profile = args.String("--profile")!,
            Output = args.String("--output")!,
            RunId = args.String("--run-id"),
            AllowMismatch = args.Has("--allow-mismatch"),
            Cpus = args.Has("--cpus") ? args.Int("--cpus", 0) : null,
            MemoryBytes = Memory(args)!.Value,
        };
        // The workloads' own options (--density-max, --fio, --engine-bench, --cold): each binds its value.
        options = Registry.Options.Where(o => args.Has(o.Flag)).Aggregate(options, (o, option) => option.Bind(o, args.String(option.Flag) ?? "true"));
        options = options with
        {
            Engine = args.String("--engine"),
            InsecureEngine = args.Has("--insecure-engine"),
            TlsCa = args.String("--tls-ca"),
            TlsCert = args.String("--tls-cert"),
            TlsKey = args.String("--tls-key"),
            Baseline = args.String("--baseline"),
        };
        options.Validate();
        var layout = RepositoryLayout.Find(context.WorkingDirectory) ?? RepositoryLayout.Find(AppContext.BaseDirectory)
            ?? throw new UsageException("cannot find the IsolationBench repository (IsolationBench.sln) from here: run isobench from inside the clone");

        using var progress = RunProgress.For(context.Out, context.Interactive);
        var session = new RunSession(Registry, layout, new Progress<string>(m => progress.Message(m)), progress);
        var summary = await progress.RunAsync(() => session.RunAsync(options, cancellationToken)).ConfigureAwait(false);

        var samples = SampleCsv.Read(summary.Directory.Samples);
        if (samples.Any(s => s.IsOk))
        {
            // The console tables are one more view of the report's analysis, so they can never disagree with it.
            var analysis = ReportCommand.Analyze(summary.Directory.Path, args.String("--baseline"));
            ConsoleTables.Write(context, analysis);
        }

        context.Out.WriteLine($"results: {summary.Directory.Path}");
        if (!args.Has("--no-report") && samples.Any(s => s.IsOk))
        {
            var report = await ReportCommand.WriteAsync(summary.Directory.Path, args.String("--baseline"), null, cancellationToken).ConfigureAwait(false);
            ReportCommand.Print(context.Out, report);
        }

        if (RunOptions.DefaultProfileCommand(summary.Directory.ReadManifest().Options, Registry) is { } next)
        {
            context.Out.WriteLine("this was the quick profile (a first look); for figures to compare, run: " + next);
        }

        if (summary.EngineBench is { } bench && !WriteEngineBench(context, bench, samples))
        {
            return ExitCodes.Failed;
        }

        if (summary.Outcome.MismatchReason is { } mismatch)
        {
            context.Error.WriteLine($"isobench: fingerprint mismatch, run stopped: {mismatch}");
            return ExitCodes.Failed;
        }

        if (summary.Outcome.Failures.Count > 0)
        {
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"isobench: {summary.Outcome.Failures.Count} cell(s) failed:"));
            foreach (var failure in summary.Outcome.Failures.Take(20))
            {
                context.Error.WriteLine("  " + failure);
            }

            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }

    /// <summary>BDN's medians beside the harness's on the console; false when the BDN run failed.</summary>
    private static bool WriteEngineBench(CliContext context, EngineBenchOutcome bench, IReadOnlyList<Sample> samples)
    {
        if (bench.Failure is { } failure)
        {
            context.Error.WriteLine("isobench: --engine-bench: " + failure);
            return false;
        }

        var figures = BdnLifecycleReader.Read(Path.GetDirectoryName(bench.Directory)!) ?? [];
        context.Out.WriteLine("BenchmarkDotNet cross-check (median lifecycle, create → remove):");
        // The workload --engine-bench anchors (its module says so) and its whole-lifecycle metric.
        var anchor = IsolationBench.Workloads.WorkloadModules.All.First(m => m.Report.EngineCrossChecked).Descriptor;
        foreach (var row in LifecycleCrossCheck.Compare(figures, HarnessLifecycle.From(samples, anchor.Name, anchor.HeadlineMetric!)))
        {
            context.Out.WriteLine("  " + row.Sentence);
        }

        context.Out.WriteLine($"BenchmarkDotNet exports: {Path.Combine(bench.Directory, "results")}");
        return true;
    }
}
