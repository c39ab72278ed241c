using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Running;
using IsolationBench.Benchmarks.Guest.Benchmarks;

namespace IsolationBench.Benchmarks.Guest;

/// <summary>
/// isobench-units.json, written next to BenchmarkDotNet's results/ folder: for each benchmark (keyed by the
/// FullName BDN writes into its JSON) the category, metric name, reported unit and conversion factor, so the
/// harness can turn BDN's nanoseconds per operation into MB/s or ops/s without loading this assembly.
/// </summary>
public static class UnitsFile
{
    public const string FileName = "isobench-units.json";
    public const int Schema = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static BenchmarkUnit Describe(BenchmarkCase benchmark)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        var method = benchmark.Descriptor.WorkloadMethod;
        var reported = method.GetCustomAttribute<ReportedUnitAttribute>()
            ?? throw new InvalidOperationException($"{method.DeclaringType?.Name}.{method.Name} has no [ReportedUnit]");
        var target = benchmark.HasParameters && benchmark.Parameters.Items.Any(p => p.Name == "Target")
            ? benchmark.Parameters["Target"]?.ToString()
            : null;
        var category = benchmark.Descriptor.Categories.FirstOrDefault(c => GuestCategories.All.Contains(c))
            ?? throw new InvalidOperationException($"{method.Name} has no guest [BenchmarkCategory]");
        return new BenchmarkUnit(
            category,
            method.Name,
            target,
            target is null ? method.Name : method.Name + "@" + target,
            reported.Unit,
            reported.Better == Better.Higher ? "higher" : "lower",
            reported.BytesPerOp > 0 ? reported.BytesPerOp : null,
            reported.OpsPerInvoke,
            reported.CacheNote)
        {
            // Measured in this process before each timed read: the harness labels device vs cache read from it.
            Residency = PageResidency.For(target is null ? method.Name : method.Name + "@" + target) is { Count: > 0 } checks ? checks : null,
        };
    }

    /// <summary>Merges these benchmarks into the file (one run writes one file across all its categories).</summary>
    public static void Write(string artifactsDir, IEnumerable<BenchmarkCase> benchmarks)
    {
        ArgumentNullException.ThrowIfNull(benchmarks);
        var path = Path.Combine(artifactsDir, FileName);
        var document = File.Exists(path)
            ? JsonSerializer.Deserialize<UnitsDocument>(File.ReadAllText(path), Json) ?? new UnitsDocument()
            : new UnitsDocument();
        foreach (var benchmark in benchmarks)
        {
            document.Benchmarks[FullNameProvider.GetBenchmarkName(benchmark)] = Describe(benchmark);
        }

        Directory.CreateDirectory(artifactsDir);
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(document, Json));
        File.Move(tmp, path, overwrite: true);
    }

    public sealed class UnitsDocument
    {
        public int Schema { get; init; } = UnitsFile.Schema;

        public SortedDictionary<string, BenchmarkUnit> Benchmarks { get; init; } = new(StringComparer.Ordinal);
    }
}

/// <summary>
/// One benchmark's entry. BDN's ns/op is per operation (OperationsPerInvoke already divided out), so:
/// ns/op → as is; MB/s = bytes_per_op × 1000 / ns_per_op (MB = 10⁶ bytes); ops/s = 10⁹ / ns_per_op.
/// Direction: "lower" or "higher" is better, as <see cref="ReportedUnitAttribute"/> declares it.
/// </summary>
public sealed record BenchmarkUnit(
    string Category,
    string Method,
    string? Target,
    string Metric,
    string Unit,
    string Direction,
    long? BytesPerOp,
    int OpsPerInvoke,
    string CacheNote)
{
    /// <summary>Read benchmarks on Linux: every mincore check (file pages, resident pages) taken just before a timed read.</summary>
    public IReadOnlyList<ResidencyCheck>? Residency { get; init; }
}
