using System.Text.Json;

namespace IsolationBench.Results.BenchmarkDotNet;

/// <summary>
/// One entry of isobench-units.json (written by isobench-guest next to BenchmarkDotNet's results/ folder):
/// what a benchmark is called in samples.csv and how its nanoseconds per operation become the reported unit.
/// </summary>
public sealed record GuestUnit(string Category, string Metric, string Unit, long? BytesPerOp, string CacheNote)
{
    /// <summary>Which way is better, as the benchmark declares it; null in units files written before the field existed.</summary>
    public MetricDirection? Direction { get; init; }

    /// <summary>The declared metric; null when the units file predates declared directions (the report then guesses from the unit).</summary>
    public MetricDescriptor? Descriptor => Direction is { } d ? new MetricDescriptor(Category, Metric, Metric, Unit, d) : null;

    /// <summary>Read benchmarks (Linux): the mincore checks taken before each timed read; empty for the rest and for older files.</summary>
    public IReadOnlyList<(long FilePages, long ResidentPages)> Residency { get; init; } = [];

    /// <summary>
    /// BDN's ns/op (per operation: OperationsPerInvoke already divided out) in this entry's unit.
    /// MB/s uses MB = 10⁶ bytes: bytes/op ÷ (ns/op × 10⁻⁹ s) ÷ 10⁶ = bytes/op × 1000 ÷ ns/op.
    /// </summary>
    public double Convert(double nanosecondsPerOp) => Unit switch
    {
        Units.NanosecondsPerOp => nanosecondsPerOp,
        Units.OpsPerSecond => 1e9 / nanosecondsPerOp,
        Units.MegabytesPerSecond => BytesPerOp is long bytes
            ? bytes * 1000.0 / nanosecondsPerOp
            : throw new InvalidOperationException($"{Metric}: MB/s needs bytes_per_op"),
        _ => throw new InvalidOperationException($"{Metric}: unknown unit '{Unit}'"),
    };
}

/// <summary>Reads isobench-units.json: <c>{"schema":1,"benchmarks":{"&lt;BDN FullName&gt;":{category, metric, unit, direction?, bytes_per_op?, ops_per_invoke, cache_note}}}</c> (direction "lower"/"higher"; absent in older files).</summary>
public static class GuestUnitsFile
{
    public const string FileName = "isobench-units.json";

    public static IReadOnlyDictionary<string, GuestUnit> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ResultsFormatException(path, 0, "not found: isobench-guest writes it next to BenchmarkDotNet's results/ folder");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var benchmarks = Json.Required(document.RootElement, "benchmarks", path, "the units file");
            var units = new Dictionary<string, GuestUnit>(StringComparer.Ordinal);
            foreach (var entry in benchmarks.EnumerateObject())
            {
                var what = "units of " + entry.Name;
                var unit = Json.RequiredString(entry.Value, "unit", path, what);
                long? bytes = entry.Value.TryGetProperty("bytes_per_op", out var b) && b.ValueKind == JsonValueKind.Number
                    ? b.GetInt64()
                    : null;
                if (unit == Units.MegabytesPerSecond && bytes is null or <= 0)
                {
                    throw new ResultsFormatException(path, 0, $"{what}: unit MB/s needs a positive bytes_per_op");
                }

                if (unit is not (Units.NanosecondsPerOp or Units.MegabytesPerSecond or Units.OpsPerSecond))
                {
                    throw new ResultsFormatException(path, 0, $"{what}: unknown unit '{unit}' (expected ns/op, MB/s or ops/s)");
                }

                units[entry.Name] = new GuestUnit(
                    Json.RequiredString(entry.Value, "category", path, what),
                    Json.RequiredString(entry.Value, "metric", path, what),
                    unit,
                    bytes,
                    entry.Value.TryGetProperty("cache_note", out var note) ? note.GetString() ?? string.Empty : string.Empty)
                {
                    Direction = ReadDirection(entry.Value, path, what),
                    Residency = Residency(entry.Value, path, what),
                };
            }

            return units;
        }
        catch (JsonException ex)
        {
            throw new ResultsFormatException(path, (ex.LineNumber ?? 0) + 1, "not valid JSON: " + ex.Message.Split('\n')[0], ex);
        }
    }

    private static MetricDirection? ReadDirection(JsonElement entry, string path, string what)
    {
        if (!entry.TryGetProperty("direction", out var direction) || direction.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return direction.GetString() switch
        {
            "lower" => MetricDirection.LowerIsBetter,
            "higher" => MetricDirection.HigherIsBetter,
            var other => throw new ResultsFormatException(path, 0, $"{what}: unknown direction '{other}' (expected lower or higher)"),
        };
    }

    /// <summary>"residency": [{"file_pages": n, "resident_pages": m}, …] (absent: no checks).</summary>
    private static List<(long, long)> Residency(JsonElement entry, string path, string what)
    {
        if (!entry.TryGetProperty("residency", out var residency) || residency.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (residency.ValueKind != JsonValueKind.Array)
        {
            throw new ResultsFormatException(path, 0, $"{what}: \"residency\" must be an array");
        }

        return [.. residency.EnumerateArray().Select(c => (
            (long)Json.RequiredNumber(c, "file_pages", path, what + " residency"),
            (long)Json.RequiredNumber(c, "resident_pages", path, what + " residency")))];
    }
}
