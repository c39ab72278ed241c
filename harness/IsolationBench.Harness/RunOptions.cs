using System.Globalization;
using IsolationBench.Harness.Resources;

namespace IsolationBench.Harness;

/// <summary>The options of `isobench run`, validated. The string form (<see cref="ToDictionary"/>) goes into the manifest.</summary>
public sealed record RunOptions
{
    public const int MaxSamples = 10_000;
    public static readonly IReadOnlyList<string> Profiles = ["quick", "default", "thorough"];

    public string? Modes { get; init; }

    public string? Workloads { get; init; }

    public int Samples { get; init; } = 30;

    public int Warmup { get; init; } = 3;

    /// <summary>Containers per mode × guest category; null = the profile's (<see cref="DefaultGuestRounds"/>).</summary>
    public int? GuestRounds { get; init; }

    /// <summary>quick by default: a first run shows every workload in minutes; default and thorough are for real comparisons.</summary>
    public string Profile { get; init; } = "quick";

    /// <summary>
    /// The guest results' unit is the container: enough of them per mode × category for an interval from the
    /// variation between containers (the report calls nothing significant below 5).
    /// </summary>
    public static int DefaultGuestRounds(string profile) => profile switch
    {
        "quick" => 3,
        "thorough" => 10,
        _ => 5,
    };

    /// <summary>--guest-rounds when given, else the profile's default.</summary>
    public int EffectiveGuestRounds => GuestRounds ?? DefaultGuestRounds(Profile);

    public string Output { get; init; } = "results";

    /// <summary>Where host io targets and volumes go; null = beside the engine's data root, on its filesystem (the guest workload chooses it).</summary>
    public string? ScratchDir { get; init; }

    public string? Engine { get; init; }

    public bool InsecureEngine { get; init; }

    /// <summary>--tls-ca/--tls-cert/--tls-key of a tcp:// engine; null = DOCKER_CERT_PATH's (EngineTlsSettings).</summary>
    public string? TlsCa { get; init; }

    public string? TlsCert { get; init; }

    public string? TlsKey { get; init; }

    public bool AllowMismatch { get; init; }

    public string? RunId { get; init; }

    /// <summary>After the matrix, also measure the startup lifecycle with BenchmarkDotNet (engine-bench/) for the report's cross-check.</summary>
    public bool EngineBench { get; init; }

    /// <summary>--fio: run fio beside the io benchmarks whatever the number of containers (by default only from the referee's minimum).</summary>
    public bool Fio { get; init; }

    /// <summary>The mode the report divides by; null: <see cref="IsolationBench.Results.BaselineRule"/> over the modes run. Written into manifest.json.</summary>
    public string? Baseline { get; init; }

    /// <summary>
    /// --cpus: logical CPUs every mode gets (the first N); null = all of this machine's. A variant that drops the CPU
    /// limit (MODE+nocpulimit) gets none, and one that drops the memory limit (MODE+nomemlimit) no memory limit
    /// (ContainerLimits.For(resources, knob)): the one difference from its parent.
    /// </summary>
    public int? Cpus { get; init; }

    /// <summary>--memory: the memory limit every mode gets, in bytes.</summary>
    public long MemoryBytes { get; init; } = ResourceRequest.DefaultMemoryBytes;

    /// <summary>What every mode is limited to.</summary>
    public ResourceRequest Resources => new(Cpus ?? Environment.ProcessorCount, MemoryBytes);

    /// <summary>--density-max: the density ladder's top (containers alive at once per mode).</summary>
    public int DensityMax { get; init; } = DefaultDensityMax;

    public const int DefaultDensityMax = 32;

    /// <summary>--cold (Linux, root): drop the page cache before every startup cell (<see cref="Hosting.PageCache"/>).</summary>
    public bool Cold { get; init; }

    /// <summary>An interrupted run directory to complete (its manifest's options are used).</summary>
    public string? Resume { get; init; }

    public void Validate()
    {
        if (Samples is < 1 or > MaxSamples)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--samples {Samples} is out of range: give 1 to {MaxSamples} (30 is a good default)"));
        }

        if (Warmup is < 0 or > 1000)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--warmup {Warmup} is out of range: give 0 to 1000"));
        }

        if (GuestRounds is < 1 or > 100)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--guest-rounds {GuestRounds} is out of range: give 1 to 100"));
        }

        if (Baseline is not null && Modes is not null && !Modes.Split(',', StringSplitOptions.TrimEntries).Contains(Baseline, StringComparer.Ordinal))
        {
            throw new UsageException($"--baseline {Baseline} is not among --modes {Modes}: pick one of those modes, or drop --baseline");
        }

        if (!Profiles.Contains(Profile))
        {
            throw new UsageException($"unknown profile '{Profile}': choose from {string.Join(", ", Profiles)}");
        }

        if (Cold && Hosting.PageCache.RefusalHere() is { } cold)
        {
            throw new UsageException(cold);
        }

        if (Cpus is { } cpus && (cpus < 1 || cpus > Environment.ProcessorCount))
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--cpus {cpus} is out of range: this machine has {Environment.ProcessorCount} logical CPU(s); give 1 to {Environment.ProcessorCount}"));
        }

        if (MemoryBytes < ResourceRequest.MinimumMemoryBytes)
        {
            throw new UsageException($"--memory {MemorySize.Format(MemoryBytes)} is too small: give at least 64m (the default is 2g)");
        }

        if (File.Exists(Output))
        {
            throw new UsageException($"--output {Output} is a file: give a directory (it will hold one folder per run)");
        }

        if (RunId is not null && (RunId.Length == 0 || RunId.IndexOfAny([.. Path.GetInvalidFileNameChars(), '/', '\\', ' ']) >= 0))
        {
            throw new UsageException($"--run-id '{RunId}' is not a valid folder name: use letters, digits, '-' and '_'");
        }
    }

    /// <summary>The options as run, with the mode and workload lists resolved, so that a resume can repeat them exactly.</summary>
    /// <param name="owned">the options the run's workloads record of their own (<see cref="Workloads.WorkloadOption.Recorded"/>): only runs with such a workload record them, so the manifests of other runs stay as they were.</param>
    public IReadOnlyDictionary<string, string> ToDictionary(IEnumerable<string> modes, IEnumerable<string> workloads, IEnumerable<KeyValuePair<string, string>>? owned = null)
    {
        var options = Common(modes, workloads.ToList());
        foreach (var (key, value) in owned ?? [])
        {
            options[key] = value;
        }

        // Only cold runs record it: the manifests of other runs stay as they were.
        if (Cold)
        {
            options["cold"] = "true";
        }

        return options;
    }

    private SortedDictionary<string, string> Common(IEnumerable<string> modes, IEnumerable<string> workloads) => new(StringComparer.Ordinal)
    {
        ["modes"] = string.Join(',', modes),
        ["workloads"] = string.Join(',', workloads),
        ["samples"] = Samples.ToString(CultureInfo.InvariantCulture),
        ["warmup"] = Warmup.ToString(CultureInfo.InvariantCulture),
        ["guest_rounds"] = EffectiveGuestRounds.ToString(CultureInfo.InvariantCulture),
        ["profile"] = Profile,
        ["allow_mismatch"] = AllowMismatch ? "true" : "false",
        ["engine_bench"] = EngineBench ? "true" : "false",
        ["fio"] = Fio ? "true" : "false",
        ["cpus"] = Resources.Cpus.ToString(CultureInfo.InvariantCulture),
        ["memory"] = MemoryBytes.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// After a quick-profile run with guest workloads (the first run's default), the command that repeats it — same
    /// modes and workloads — at the default profile, for figures to compare with; null otherwise.
    /// </summary>
    public static string? DefaultProfileCommand(IReadOnlyDictionary<string, string> recorded, Workloads.WorkloadRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(registry);
        // The profile is the guest benchmarks' setting: a run without guest rounds has nothing to repeat.
        var guest = registry.AnyGuestRounds((recorded.GetValueOrDefault("workloads") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries));
        return guest && recorded.GetValueOrDefault("profile") == "quick"
            ? $"isobench run --modes {recorded.GetValueOrDefault("modes")} --workloads {recorded.GetValueOrDefault("workloads")} --profile default"
            : null;
    }

    /// <summary>
    /// The options of an interrupted run, from its manifest. <paramref name="given"/> are the options the user
    /// typed with --resume: any that differ from the run's are refused (a resumed run must be the same run).
    /// </summary>
    public static RunOptions ForResume(string directory, IReadOnlyDictionary<string, string> recorded, IReadOnlyDictionary<string, string?> given)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(given);
        foreach (var (option, value) in given)
        {
            var key = option.TrimStart('-').Replace('-', '_');
            if (value is not null && recorded.TryGetValue(key, out var was) && was != value)
            {
                throw new UsageException($"{option} {value} differs from the run's {was}: --resume repeats the run's own options (drop {option}, or start a new run)");
            }
        }

        string Get(string key) => recorded.TryGetValue(key, out var v)
            ? v
            : throw new UsageException($"{directory}: manifest.json has no option '{key}': it was not written by this version of isobench run");
        int Number(string key) => int.TryParse(Get(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new UsageException($"{directory}: manifest.json option '{key}' is not a number");

        return new RunOptions
        {
            Modes = Get("modes"),
            Workloads = Get("workloads"),
            Samples = Number("samples"),
            Warmup = Number("warmup"),
            GuestRounds = Number("guest_rounds"),
            Profile = Get("profile"),
            AllowMismatch = Get("allow_mismatch") == "true",
            EngineBench = recorded.TryGetValue("engine_bench", out var bench) && bench == "true",
            Fio = recorded.TryGetValue("fio", out var fio) && fio == "true",
            Cold = recorded.TryGetValue("cold", out var cold) && cold == "true",
            DensityMax = recorded.ContainsKey("density_max") ? Number("density_max") : DefaultDensityMax,
            // Runs recorded before --cpus/--memory: every CPU, and the 2 GiB containers had then.
            Cpus = recorded.ContainsKey("cpus") ? Number("cpus") : null,
            MemoryBytes = recorded.TryGetValue("memory", out var memory) && long.TryParse(memory, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) ? bytes : ResourceRequest.DefaultMemoryBytes,
            Resume = directory,
        };
    }
}
