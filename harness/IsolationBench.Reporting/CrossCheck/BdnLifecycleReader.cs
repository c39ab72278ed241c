using System.Globalization;
using System.Text.Json;
using IsolationBench.Results;

namespace IsolationBench.Reporting.CrossCheck;

/// <summary>
/// Reads what isobench-engine-bench exported: the full JSON (median, mean, CI and every measurement, in ns) and the CSV (BDN's Ratio,
/// which the JSON does not carry). Pure: reads files, never measures.
/// </summary>
public static class BdnLifecycleReader
{
    public const string DirectoryName = "engine-bench";
    private const string ReportPrefix = "IsolationBench.Benchmarks.Host.LifecycleBenchmarks-report";
    private const double NsPerMs = 1e6;

    // Perfolizer's ConfidenceLevel enum as BDN serialises it (a number).
    private static readonly Dictionary<int, double> ConfidenceLevels = new()
    {
        [0] = 50, [1] = 70, [2] = 75, [3] = 80, [4] = 85, [5] = 90, [6] = 92, [7] = 95, [8] = 96, [9] = 97, [10] = 98, [11] = 99, [12] = 99.9, [13] = 99.99,
    };

    /// <summary>The figures of a run directory, or null when the run had no --engine-bench (no exports).</summary>
    /// <exception cref="ResultsFormatException">an export exists but cannot be read.</exception>
    public static IReadOnlyList<BdnLifecycleFigure>? Read(string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        var results = Path.Combine(runDirectory, DirectoryName, "results");
        var json = Path.Combine(results, ReportPrefix + "-full.json");
        if (!File.Exists(json))
        {
            return null;
        }

        var csv = Path.Combine(results, ReportPrefix + ".csv");
        var ratios = File.Exists(csv) ? ReadRatios(csv) : new Dictionary<string, double>(StringComparer.Ordinal);
        return ReadJson(json, ratios);
    }

    internal static IReadOnlyList<BdnLifecycleFigure> ReadJson(string path, IReadOnlyDictionary<string, double> ratios)
    {
        using (var document = JsonFile.Parse(path, "JSON"))
        {
            if (!document.RootElement.TryGetProperty("Benchmarks", out var benchmarks) || benchmarks.ValueKind != JsonValueKind.Array)
            {
                throw new ResultsFormatException(path, 0, "missing \"Benchmarks\": not a BenchmarkDotNet full JSON report");
            }

            var figures = new List<BdnLifecycleFigure>();
            foreach (var b in benchmarks.EnumerateArray())
            {
                var mode = ModeOf(b.GetProperty("Method").GetString(), b.TryGetProperty("Parameters", out var p) ? p.GetString() : null)
                    ?? throw new ResultsFormatException(path, 0, "a benchmark is neither Host nor Container(mode)");
                if (!b.TryGetProperty("Statistics", out var s) || s.ValueKind != JsonValueKind.Object)
                {
                    continue; // BDN writes no statistics for a case that failed: the cross-check reports it missing.
                }

                var ci = s.GetProperty("ConfidenceInterval");
                figures.Add(new BdnLifecycleFigure(
                    mode,
                    s.GetProperty("N").GetInt32(),
                    Number(s.GetProperty("Median")) / NsPerMs,
                    Number(s.GetProperty("Mean")) / NsPerMs,
                    Number(ci.GetProperty("Lower")) / NsPerMs,
                    Number(ci.GetProperty("Upper")) / NsPerMs,
                    ConfidenceLevels.GetValueOrDefault(ci.GetProperty("Level").GetInt32(), double.NaN),
                    ratios.TryGetValue(mode, out var ratio) ? ratio : null,
                    Iterations(b)));
            }

            return figures;
        }
    }

    // JSON full: every measurement; the measured ones are the actual workload iterations (warmups and overhead are not).
    private static double[] Iterations(JsonElement benchmark) =>
        benchmark.TryGetProperty("Measurements", out var all) && all.ValueKind == JsonValueKind.Array
            ? [.. all.EnumerateArray()
                .Where(m => m.GetProperty("IterationMode").GetString() == "Workload" && m.GetProperty("IterationStage").GetString() == "Actual")
                .Select(m => Number(m.GetProperty("Nanoseconds")) / Math.Max(1, Number(m.GetProperty("Operations"))) / NsPerMs)]
            : [];

    /// <summary>Mode → Ratio from BDN's CSV export (columns found by name: Method, mode, Ratio).</summary>
    internal static Dictionary<string, double> ReadRatios(string path)
    {
        var lines = File.ReadAllLines(path);
        var ratios = new Dictionary<string, double>(StringComparer.Ordinal);
        if (lines.Length == 0)
        {
            return ratios;
        }

        var header = SplitCsv(lines[0]);
        int method = header.IndexOf("Method"), mode = header.IndexOf("mode"), ratio = header.IndexOf("Ratio");
        if (method < 0 || ratio < 0)
        {
            throw new ResultsFormatException(path, 1, "missing the Method or Ratio column");
        }

        foreach (var (line, index) in lines.Skip(1).Select((l, i) => (l, i + 2)).Where(x => x.l.Length > 0))
        {
            var cells = SplitCsv(line);
            var name = ModeOf(cells[method], mode >= 0 && cells[mode] != "?" ? "mode=" + cells[mode] : null);
            // Ratio "?" = no baseline in the group (host not measured); grouping separators can appear above 1,000.
            if (name is not null && double.TryParse(cells[ratio].Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                ratios[name] = value;
            }
        }

        return ratios;
    }

    // BDN writes NaN (e.g. a CI from too few iterations) as the string "NaN".
    private static double Number(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number ? e.GetDouble()
        : double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;

    // Host is the baseline method (its title is "host"); containers are Container(mode).
    private static string? ModeOf(string? method, string? parameters) =>
        parameters is { } p && p.StartsWith("mode=", StringComparison.Ordinal) ? p["mode=".Length..]
        : string.Equals(method, "Host", StringComparison.OrdinalIgnoreCase) ? "host"
        : null;

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }

        cells.Add(current.ToString());
        return cells;
    }
}
