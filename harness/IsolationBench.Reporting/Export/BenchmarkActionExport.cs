using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.Export;

/// <summary>
/// Two JSON files for benchmark-action/github-action-benchmark (tool: customSmallerIsBetter / customBiggerIsBetter):
/// every series' median in its own unit (direction from the unit), and every mode's overhead factor vs the baseline
/// ("x", always smaller-is-better). range = "± half the 95 % CI's width". BenchmarkDotNet's own JSON stays under artifacts/.
/// An overhead the report refuses to judge is not exported: the action would chart and alert on a ratio the report withholds.
/// </summary>
public static class BenchmarkActionExport
{
    public const string SmallerIsBetterFile = "benchmark-smaller-is-better.json";
    public const string BiggerIsBetterFile = "benchmark-bigger-is-better.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static (IReadOnlyList<BenchmarkActionEntry> SmallerIsBetter, IReadOnlyList<BenchmarkActionEntry> BiggerIsBetter) Entries(Analysers.JudgedAnalysis judged)
    {
        ArgumentNullException.ThrowIfNull(judged);
        var analysis = judged.Analysis;
        var smaller = new List<BenchmarkActionEntry>();
        var bigger = new List<BenchmarkActionEntry>();
        foreach (var r in analysis.Rows.Where(r => double.IsFinite(r.Statistics.Median)))
        {
            var s = r.Statistics;
            var entry = new BenchmarkActionEntry(
                $"{r.Workload}/{r.Metric} [{r.Mode}]",
                r.Unit,
                s.Median,
                Range(s.MedianCi),
                Invariant($"n={s.N}; 95% CI {s.MedianCi.Low:G6}–{s.MedianCi.High:G6}; run {analysis.Manifest.RunId}"));
            (r.HigherIsBetter ? bigger : smaller).Add(entry);
            if (judged.JudgedComparison(r) is { } c && double.IsFinite(c.Overhead))
            {
                smaller.Add(new BenchmarkActionEntry(
                    $"{r.Workload}/{r.Metric} [{r.Mode} overhead vs {r.Baseline}]",
                    "x",
                    c.Overhead,
                    Range(c.OverheadCi),
                    Invariant($"95% CI {c.OverheadCi.Low:G6}–{c.OverheadCi.High:G6}; significant={(c.Significant ? "yes" : "no")}; run {analysis.Manifest.RunId}")));
            }
        }

        return (smaller, bigger);
    }

    /// <returns>The two files written (both always, possibly as empty arrays, so a CI step can rely on them).</returns>
    public static IReadOnlyList<string> Write(Analysers.JudgedAnalysis judged, string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var (smaller, bigger) = Entries(judged);
        var smallerPath = Path.Combine(directory, SmallerIsBetterFile);
        var biggerPath = Path.Combine(directory, BiggerIsBetterFile);
        File.WriteAllText(smallerPath, JsonSerializer.Serialize(smaller, Json) + "\n");
        File.WriteAllText(biggerPath, JsonSerializer.Serialize(bigger, Json) + "\n");
        return [smallerPath, biggerPath];
    }

    private static string? Range(Interval ci) =>
        ci.IsKnown ? "± " + ((ci.High - ci.Low) / 2).ToString("G4", CultureInfo.InvariantCulture) : null;

    private static string Invariant(FormattableString s) => FormattableString.Invariant(s);
}
