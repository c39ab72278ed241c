using System.Text.Json;

namespace IsolationBench.Results.BenchmarkDotNet;

/// <summary>What the caller knows about the run that produced a BDN report; the report knows the rest.</summary>
public sealed record GuestSampleContext(string RunId, int Round, string Mode, string Source, DateTimeOffset TimestampUtc);

/// <summary>
/// Turns a BenchmarkDotNet full JSON report (*-report-full.json) plus isobench-units.json into samples: one per
/// measured iteration. It reads BDN's workload "Actual" iterations, not its "Result" stage: Result is what is left
/// after BDN's outlier removal, and a sandbox with a heavy tail would look better than it is. The overhead is
/// subtracted as BDN does for Result (the median of the overhead iterations' time per operation, times the
/// iteration's operations), so a kept iteration has exactly BDN's Result value. Pure: reads files, never measures.
/// </summary>
public static class BdnReportConverter
{
    public const string WorkloadMode = "Workload";
    public const string OverheadMode = "Overhead";
    public const string ActualStage = "Actual";

    /// <summary>Every report under &lt;artifactsDir&gt;/results/ with the units file at &lt;artifactsDir&gt;/isobench-units.json.</summary>
    public static IReadOnlyList<Sample> ConvertArtifacts(string artifactsDir, GuestSampleContext context)
    {
        ArgumentNullException.ThrowIfNull(artifactsDir);
        var results = Path.Combine(artifactsDir, "results");
        var reports = Directory.Exists(results)
            ? Directory.GetFiles(results, "*-report-full.json").Order(StringComparer.Ordinal).ToList()
            : [];
        if (reports.Count == 0)
        {
            throw new ResultsFormatException(results, 0, "no *-report-full.json: did isobench-guest run with --artifacts pointing here?");
        }

        var units = GuestUnitsFile.Read(Path.Combine(artifactsDir, GuestUnitsFile.FileName));
        return reports.SelectMany(r => Convert(r, units, context)).ToList();
    }

    public static IReadOnlyList<Sample> Convert(string reportPath, string unitsPath, GuestSampleContext context) =>
        Convert(reportPath, GuestUnitsFile.Read(unitsPath), context);

    public static IReadOnlyList<Sample> Convert(string reportPath, IReadOnlyDictionary<string, GuestUnit> units, GuestSampleContext context)
    {
        ArgumentNullException.ThrowIfNull(reportPath);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(context);
        if (!File.Exists(reportPath))
        {
            throw new ResultsFormatException(reportPath, 0, "not found: BenchmarkDotNet writes it to <artifacts>/results/*-report-full.json");
        }

        using (var document = JsonFile.Parse(reportPath, "JSON"))
        {
            var benchmarks = Json.Required(document.RootElement, "Benchmarks", reportPath, "the report");
            if (benchmarks.ValueKind != JsonValueKind.Array)
            {
                throw new ResultsFormatException(reportPath, 0, "the report: \"Benchmarks\" must be an array");
            }

            var samples = new List<Sample>();
            var index = 0;
            foreach (var benchmark in benchmarks.EnumerateArray())
            {
                index++;
                samples.AddRange(Benchmark(reportPath, benchmark, index, units, context));
            }

            return samples;
        }
    }

    private static List<Sample> Benchmark(
        string path, JsonElement benchmark, int index, IReadOnlyDictionary<string, GuestUnit> units, GuestSampleContext context)
    {
        var fullName = Json.RequiredString(benchmark, "FullName", path, $"benchmark #{index}");
        if (!units.TryGetValue(fullName, out var unit))
        {
            throw new ResultsFormatException(path, 0, $"{fullName}: not in {GuestUnitsFile.FileName} (units file from another build?)");
        }

        var measurements = Json.Required(benchmark, "Measurements", path, fullName);
        if (measurements.ValueKind != JsonValueKind.Array)
        {
            throw new ResultsFormatException(path, 0, $"{fullName}: \"Measurements\" must be an array (is this the full JSON export?)");
        }

        var actual = new List<(double Operations, double Nanoseconds)>();
        var overheadPerOp = new List<double>();
        foreach (var m in measurements.EnumerateArray())
        {
            var where = $"{fullName} measurement";
            var mode = Json.RequiredString(m, "IterationMode", path, where);
            if (Json.RequiredString(m, "IterationStage", path, where) != ActualStage || mode is not (WorkloadMode or OverheadMode))
            {
                continue;
            }

            var operations = Json.RequiredNumber(m, "Operations", path, where);
            var nanoseconds = Json.RequiredNumber(m, "Nanoseconds", path, where);
            if (operations <= 0)
            {
                throw new ResultsFormatException(path, 0, $"{where}: Operations must be positive");
            }

            if (mode == WorkloadMode)
            {
                actual.Add((operations, nanoseconds));
            }
            else
            {
                overheadPerOp.Add(nanoseconds / operations);
            }
        }

        // Monitoring jobs (io) have no overhead iterations: nothing to subtract.
        var overhead = Median(overheadPerOp);
        var samples = new List<Sample>();
        foreach (var (operations, nanoseconds) in actual)
        {
            var nsPerOp = (nanoseconds - (overhead * operations)) / operations;
            var value = nsPerOp > 0 ? unit.Convert(nsPerOp) : double.NaN;
            samples.Add(new Sample
            {
                RunId = context.RunId,
                Round = context.Round,
                Mode = context.Mode,
                Workload = unit.Category,
                Metric = unit.Metric,
                Unit = unit.Unit,
                Value = value,
                Status = double.IsNaN(value) ? SampleStatus.Failed("non-positive time after overhead subtraction") : SampleStatus.Ok,
                // Ordinal of the workload iteration (1-based). BDN restarts IterationIndex per launch; this never repeats.
                Iteration = samples.Count + 1,
                Source = context.Source,
                TimestampUtc = context.TimestampUtc,
            });
        }

        return samples.Count > 0
            ? samples
            : throw new ResultsFormatException(path, 0, $"{fullName}: no Workload/Actual measurements (did the benchmark fail?)");
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
