using System.Globalization;

namespace IsolationBench.Benchmarks.Host;

/// <summary>The raw command line of isobench-engine-bench (what the harness passes); modes are resolved against the engine later.</summary>
public sealed record EngineBenchArguments(
    string Modes,
    string ProbeImage,
    string ProbeBinary,
    string ArtifactsDir,
    string RunId,
    string? Engine,
    bool InsecureEngine,
    int Iterations,
    int Warmup,
    bool Smoke)
{
    /// <summary>--tls-ca/--tls-cert/--tls-key as the harness passed them (null: DOCKER_CERT_PATH's).</summary>
    public string? TlsCa { get; init; }

    public string? TlsCert { get; init; }

    public string? TlsKey { get; init; }

    public const string Usage =
        "usage: isobench-engine-bench --modes host,runc --probe-image IMAGE --probe-binary PATH --artifacts DIR --run-id ID "
        + "[--iterations N] [--warmup N] [--engine ENDPOINT] [--insecure-engine] [--tls-ca FILE] [--tls-cert FILE] [--tls-key FILE] [--smoke]";

    /// <exception cref="ArgumentException">a missing or malformed option, with the usage line.</exception>
    public static EngineBenchArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--insecure-engine" or "--smoke")
            {
                flags.Add(name);
            }
            else if (name.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Count)
            {
                values[name] = args[++i];
            }
            else
            {
                throw new ArgumentException($"unexpected argument '{name}'; {Usage}");
            }
        }

        return new EngineBenchArguments(
            Required("--modes"),
            Required("--probe-image"),
            Required("--probe-binary"),
            Required("--artifacts"),
            Required("--run-id"),
            values.GetValueOrDefault("--engine"),
            flags.Contains("--insecure-engine"),
            Count("--iterations", 30, 1),
            Count("--warmup", 3, 0),
            flags.Contains("--smoke"))
        {
            TlsCa = values.GetValueOrDefault("--tls-ca"),
            TlsCert = values.GetValueOrDefault("--tls-cert"),
            TlsKey = values.GetValueOrDefault("--tls-key"),
        };

        string Required(string name) =>
            values.TryGetValue(name, out var v) && v.Length > 0 ? v : throw new ArgumentException($"{name} is required; {Usage}");

        int Count(string name, int fallback, int min) =>
            !values.TryGetValue(name, out var v) ? fallback
            : int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= 10_000 ? n
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} '{v}' must be a whole number from {min} to 10000"));
    }
}
