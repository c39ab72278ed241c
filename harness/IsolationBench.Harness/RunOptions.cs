using System.Globalization;

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

    public int GuestRounds { get; init; } = 1;

    public string Profile { get; init; } = "default";

    public string Output { get; init; } = "results";

    public string? Engine { get; init; }

    public bool InsecureEngine { get; init; }

    public bool AllowMismatch { get; init; }

    public string? RunId { get; init; }

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

        if (!Profiles.Contains(Profile))
        {
            throw new UsageException($"unknown profile '{Profile}': choose from {string.Join(", ", Profiles)}");
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

    public IReadOnlyDictionary<string, string> ToDictionary() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["modes"] = Modes ?? "(all available)",
        ["workloads"] = Workloads ?? "startup",
        ["samples"] = Samples.ToString(CultureInfo.InvariantCulture),
        ["warmup"] = Warmup.ToString(CultureInfo.InvariantCulture),
        ["guest_rounds"] = GuestRounds.ToString(CultureInfo.InvariantCulture),
        ["profile"] = Profile,
        ["allow_mismatch"] = AllowMismatch ? "true" : "false",
    };
}
