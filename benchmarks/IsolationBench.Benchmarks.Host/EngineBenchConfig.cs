using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Perfolizer.Metrology;
using Perfolizer.Mathematics.OutlierDetection;

namespace IsolationBench.Benchmarks.Host;

/// <summary>The one place that turns <see cref="EngineBenchOptions"/> into a BenchmarkDotNet job and config.</summary>
public static class EngineBenchConfig
{
    public const string JobId = "lifecycle";

    /// <summary>
    /// Strategy: <see cref="RunStrategy.Monitoring"/>. One lifecycle takes ~3 ms (host) to ~0.5–2 s (a container),
    /// far above the timer's resolution and BDN's loop overhead, so the throughput strategy's pilot stage (which
    /// multiplies invocations to fill an iteration) and overhead subtraction would only waste minutes and mix
    /// several containers into one number. Monitoring times exactly one invocation per iteration — one
    /// container per sample, like the harness — and, unlike ColdStart, keeps warmup iterations, so the first
    /// lifecycles (engine caches, image layers, JIT of the adapter) are discarded just as the harness's warmup
    /// rounds are. Outliers are kept (OutlierMode.DontRemove): the harness keeps every sample, and a cross-check
    /// of medians must compare the same populations.
    /// Toolchain: in-process (Emit). The lifecycle is an I/O-bound call into the harness's own engine adapter, not
    /// a micro-benchmark whose codegen matters; a separately built BDN host process would need the SDK at run
    /// time, a project build per run and a second copy of the adapter's dependencies, and buys nothing here. The
    /// harness still starts this program as its own (Release-built) process, so BDN's process-wide settings
    /// (priority, GC, console) never touch `isobench`.
    /// </summary>
    public static Job CreateJob(EngineBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.DontLogOutput)
            .WithStrategy(RunStrategy.Monitoring)
            // In-process: a second launch would reuse the process and its engine connection; it adds time, not information.
            .WithLaunchCount(1)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove)
            // BDN's default switches Windows to High Performance while it runs, so its lifecycles would be timed under
            // another plan than the harness's rounds around them: keep the user's plan throughout (manifest.json names it).
            .WithPowerPlan(PowerPlan.UserPowerPlan)
            .WithId(JobId);
        return options.Profile == EngineBenchProfile.Smoke
            ? job.WithWarmupCount(0).WithIterationCount(2)
            : job.WithWarmupCount(options.Warmup).WithIterationCount(options.Iterations);
    }

    /// <summary>The job, the columns (Ratio vs host, a Mann–Whitney test), JSON full + CSV exports into the artifacts dir.</summary>
    public static IConfig Create(EngineBenchOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = ManualConfig.CreateEmpty()
            .AddJob(CreateJob(options))
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max, StatisticColumn.Iterations)
            // Mann–Whitney against the baseline (host): "Slower" when a mode's lifecycle is ≥ 10 % longer, significantly.
            .AddColumn(StatisticalTestColumn.Create("10%", null))
            .WithOrderer(SingleGroupOrderer.Default)
            // Full = every iteration's measurement, so the report can recompute anything it needs.
            .AddExporter(JsonExporter.Full)
            .AddExporter(new CsvExporter(CsvSeparator.Comma, CsvStyle))
            .AddLogger(logger ?? ConsoleLogger.Default)
            .WithArtifactsPath(options.ArtifactsDir);

        if (options.Profile == EngineBenchProfile.Smoke)
        {
            // Smoke checks the pipeline (tests run it from a Debug build); it never reports numbers.
            config = config.WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }

        if (!options.HasHost)
        {
            config = config.AddFilter(new SimpleFilter(b => b.Descriptor.WorkloadMethod.Name != nameof(LifecycleBenchmarks.Host)));
        }

        if (!options.ContainerModes.Any())
        {
            config = config.AddFilter(new SimpleFilter(b => b.Descriptor.WorkloadMethod.Name != nameof(LifecycleBenchmarks.Container)));
        }

        return config;
    }

    /// <summary>The CSV the reporter reads Ratio from: invariant numbers in ms, units in the header only.</summary>
    public static SummaryStyle CsvStyle { get; } =
        new(CultureInfo.InvariantCulture, printUnitsInHeader: true, sizeUnit: SizeUnit.B, timeUnit: TimeUnit.Millisecond, printUnitsInContent: false);
}
