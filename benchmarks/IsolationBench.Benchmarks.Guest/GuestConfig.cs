using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Perfolizer.Mathematics.OutlierDetection;

namespace IsolationBench.Benchmarks.Guest;

public enum GuestProfile
{
    /// <summary>Tests and CI: a pipeline check, numbers not meaningful (BDN's Job.Dry, a bit wider).</summary>
    Smoke,

    /// <summary>Seconds per benchmark: enough to see 2× effects, used by `isobench run --quick` and CI.</summary>
    Quick,

    /// <summary>The real suite's default.</summary>
    Default,

    /// <summary>Publication runs: more iterations and launches, tighter confidence intervals.</summary>
    Thorough,
}

public static class GuestProfiles
{
    public static GuestProfile Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "smoke" => GuestProfile.Smoke,
        "quick" => GuestProfile.Quick,
        "default" => GuestProfile.Default,
        "thorough" => GuestProfile.Thorough,
        _ => throw new GuestArgumentException($"unknown profile '{text}'; expected quick, default, thorough or smoke"),
    };
}

/// <summary>The one place that turns a profile (and a category) into BenchmarkDotNet jobs and config.</summary>
public static class GuestConfig
{
    /// <summary>
    /// The job for one category. Every job uses the in-process Emit toolchain: the image has no SDK, so BDN
    /// cannot build a separate host process; Emit (not NoEmit) because it generates the same unrolled
    /// call loop the out-of-process toolchains use, keeping per-call overhead out of ns/op figures.
    /// </summary>
    public static Job CreateJob(GuestProfile profile, string category)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.DontLogOutput)
            // In-process: a second launch would run in the same process and JIT state, so it adds time, not information.
            .WithLaunchCount(1)
            // BDN would switch the host to High Performance for a host-mode cell only (never inside a container):
            // every mode runs under the plan the user set, and manifest.json records which.
            .WithPowerPlan(PowerPlan.UserPowerPlan)
            // Every iteration is a sample: BDN's default drops upper outliers, which would flatter a sandbox with a heavy tail.
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithId(FormattableString.Invariant($"{profile}-{category}").ToLowerInvariant());

        // io operations are whole files (256 MiB) or batches of fsyncs: one invocation is already 0.1–2 s, so
        // BDN's pilot stage (which multiplies invocations to reach an iteration time) would only waste minutes.
        // Monitoring = one invocation per iteration, no pilot, no overhead subtraction (a few ns vs ≥ 100 ms).
        return category == GuestCategories.Io ? IoJob(job, profile) : ComputeJob(job, profile);
    }

    // The container is the unit of the guest results: the harness runs each category in several containers per
    // mode (quick 3, default 5, thorough 10) and the report's intervals come from the variation between them.
    // So a container needs only enough iterations for a stable median of its own; the time goes into containers.

    private static Job IoJob(Job job, GuestProfile profile)
    {
        job = job.WithStrategy(RunStrategy.Monitoring).WithInvocationCount(1).WithUnrollFactor(1);
        return profile switch
        {
            // One warmup absorbs first-touch costs (file creation in GlobalSetup is outside timing already). One
            // measured operation per container at quick/default: the unit is the container, and a second 256 MiB
            // operation in the same container cost ~3 s per io container without adding an independent unit.
            GuestProfile.Smoke => job.WithWarmupCount(0).WithIterationCount(1),
            GuestProfile.Quick => job.WithWarmupCount(1).WithIterationCount(1),
            GuestProfile.Default => job.WithWarmupCount(1).WithIterationCount(1),
            GuestProfile.Thorough => job.WithWarmupCount(1).WithIterationCount(3),
            _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
        };
    }

    private static Job ComputeJob(Job job, GuestProfile profile) => profile switch
    {
        // Like Job.Dry (ColdStart, one invocation) but 3 iterations so converters see more than one value.
        GuestProfile.Smoke => job.WithStrategy(RunStrategy.ColdStart).WithWarmupCount(0).WithIterationCount(3)
            .WithInvocationCount(1).WithUnrollFactor(1),
        // 100 ms iterations: syscall ops are 0.1–30 µs, so each iteration still holds thousands of them; one warmup
        // after BDN's pilot (which already ran the workload for a few hundred ms) settles tiered JIT. Fixed counts (not
        // BDN's auto-stop), so every container of every mode gives the same number of samples. The interval comes from
        // between containers, and a second warmup and 150 ms iterations cost ~3 s per syscall container without
        // narrowing it. Quick is a first look whose 3 containers are never judged: 50 ms iterations (still thousands of
        // operations) keep the first run, setup included, under 10 minutes here (10 min 9 s with 100 ms).
        GuestProfile.Quick => job.WithIterationTime(TimeInterval.FromMilliseconds(50)).WithWarmupCount(1).WithIterationCount(3),
        GuestProfile.Default => job.WithIterationTime(TimeInterval.FromMilliseconds(100)).WithWarmupCount(1).WithIterationCount(3),
        GuestProfile.Thorough => job.WithIterationTime(TimeInterval.FromMilliseconds(250)).WithWarmupCount(3).WithIterationCount(5),
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
    };

    /// <summary>The config for one category's run on this OS: its job, JSON full export into the artifacts dir, filters.</summary>
    public static IConfig Create(GuestOptions options, string category, ILogger? logger = null) =>
        Create(options, category, GuestPlatforms.Current, logger);

    /// <summary>The config as it would be on <paramref name="platform"/>: only that OS's benchmarks pass the filter.</summary>
    public static IConfig Create(GuestOptions options, string category, GuestPlatform platform, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = ManualConfig.CreateEmpty()
            .AddJob(CreateJob(options.Profile, category))
            // Full = with every iteration's measurements: the harness turns each Result iteration into a sample.
            .AddExporter(JsonExporter.Full)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(logger ?? ConsoleLogger.Default)
            .WithArtifactsPath(options.ArtifactsDir);

        if (options.Profile == GuestProfile.Smoke)
        {
            // Smoke checks the pipeline (tests run it from a Debug build); it never reports numbers.
            config = config.WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }

        if (!string.IsNullOrWhiteSpace(options.Filter))
        {
            config = config.AddFilter(new GlobFilter([options.Filter]));
        }

        return config.AddFilter(new SimpleFilter(b => GuestPlatforms.Runs(b, platform)));
    }
}
