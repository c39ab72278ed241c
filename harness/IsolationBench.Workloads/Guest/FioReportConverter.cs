using IsolationBench.Results;
using IsolationBench.Results.BenchmarkDotNet;
using System.Text.Json;

namespace IsolationBench.Workloads.Guest;

/// <summary>
/// Turns the fio JSON that isobench-guest --fio leaves in &lt;artifacts&gt;/fio/*.json into samples: one per fio job
/// (each job is one iteration), metric "fio." + the job name, which isobench-guest sets to our own metric
/// (<c>SequentialWrite1MiB@layer</c>), so ours and fio's figures sit side by side. Pure: reads files, never measures.
/// </summary>
public static class FioReportConverter
{
    public const string DirectoryName = "fio";
    public const string MetricPrefix = "fio.";

    /// <summary>
    /// Jobs named so are fio's warmups: not samples. Runs before 2026-12-01 put them in the same file as the measured jobs;
    /// the interleaved jobs beside BDN's warmup iterations are kept apart in fio/warmup/ instead.
    /// </summary>
    public const string WarmupPrefix = "warmup.";

    /// <summary>
    /// Which side of fio's job result holds the figure, and in which unit, per benchmark (the job name before '@').
    /// Writes: bytes ÷ runtime, because the timed fsync at the end (end_fsync=1) is in fio's runtime and in no latency.
    /// Queue-depth-1 reads: 1 ÷ fio's mean latency per I/O (lat_ns), not total_ios ÷ runtime: a job's runtime also counts
    /// fio's own work between I/Os and at the job's start (its invalidate drops the previous job's pages inside the job),
    /// 2.1–4.6 µs per buffered read and 1.0–2.3 µs per O_DIRECT read in run 20261130-203232-vm (5–9 %), none of which our
    /// loop does: our drop is untimed (IterationSetup) and our loop is nothing but the reads.
    /// </summary>
    private static readonly Dictionary<string, (string Direction, string Unit)> Benchmarks = new(StringComparer.Ordinal)
    {
        ["SequentialWrite1MiB"] = ("write", Units.MegabytesPerSecond),
        ["RandomRead4KiB"] = ("read", Units.OpsPerSecond),
        ["RandomRead4KiBDirect"] = ("read", Units.OpsPerSecond),
    };

    /// <summary>Every &lt;artifactsDir&gt;/fio/*.json, in name order; none (and no folder) is an empty list: --fio is optional.</summary>
    public static IReadOnlyList<Sample> ConvertArtifacts(string artifactsDir, GuestSampleContext context)
    {
        ArgumentNullException.ThrowIfNull(artifactsDir);
        ArgumentNullException.ThrowIfNull(context);
        // isobench-guest interleaves fio's jobs with our iterations (<name>.interleaved-NN.json). Runs before 2026-12-01 ran the
        // sequential write's jobs before or after ours (<name>.before.json, <name>.after.json, or half in each): in time order,
        // iterations numbered on across files, so (metric, iteration) stays unique.
        var samples = new List<Sample>();
        foreach (var file in RefereeFiles.InRunOrder(artifactsDir, DirectoryName))
        {
            // An interleaved job (<metric>.interleaved-NN.json) ran beside our iteration NN: it pairs with it.
            var interleaved = InterleavedIteration(file);
            foreach (var sample in Convert(file, context))
            {
                samples.Add(sample with { Iteration = interleaved ?? samples.Count(s => s.Metric == sample.Metric) + 1 });
            }
        }

        return samples;
    }

    /// <summary>The file name's marker for a job run beside our iteration NN: &lt;metric&gt;.interleaved-NN.json.</summary>
    public const string InterleavedMarker = ".interleaved-";

    /// <summary>NN of …interleaved-NN.json; null for any other name.</summary>
    public static int? InterleavedIteration(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileNameWithoutExtension(path);
        var at = name.LastIndexOf(InterleavedMarker, StringComparison.Ordinal);
        return at >= 0 && int.TryParse(name.AsSpan(at + InterleavedMarker.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : null;
    }

    /// <summary>One fio JSON report (--output-format=json); iterations are numbered 1.. per metric in job order, warmups skipped.</summary>
    public static IReadOnlyList<Sample> Convert(string path, GuestSampleContext context)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        if (!File.Exists(path))
        {
            throw new ResultsFormatException(path, 0, "not found: isobench-guest --fio writes <artifacts>/fio/<name>.json");
        }

        using (var document = JsonFile.Parse(path, "fio JSON"))
        {
            var jobs = Json.Required(document.RootElement, "jobs", path, "the fio report");
            if (jobs.ValueKind != JsonValueKind.Array)
            {
                throw new ResultsFormatException(path, 0, "the fio report: \"jobs\" must be an array (was fio run with --output-format=json?)");
            }

            var samples = new List<Sample>();
            foreach (var job in jobs.EnumerateArray())
            {
                var name = Json.RequiredString(job, "jobname", path, $"fio job #{samples.Count + 1}");
                if (name.StartsWith(WarmupPrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var iteration = samples.Count(s => s.Metric == MetricPrefix + name) + 1;
                samples.Add(Job(path, job, name, iteration, context));
            }

            return samples;
        }
    }

    private static Sample Job(string path, JsonElement job, string name, int iteration, GuestSampleContext context)
    {
        var benchmark = name.Split('@')[0];
        if (!Benchmarks.TryGetValue(benchmark, out var kind))
        {
            throw new ResultsFormatException(
                path, 0, $"fio job '{name}': unknown benchmark (expected one of {string.Join(", ", Benchmarks.Keys)}, then @target)");
        }

        var where = $"fio job '{name}' #{iteration}";
        var side = Json.Required(job, kind.Direction, path, where);
        var runtimeMs = Json.RequiredNumber(side, "runtime", path, where + " " + kind.Direction);
        var error = Json.RequiredNumber(job, "error", path, where);

        // fio's own bw field is rounded (KiB/s); recompute from bytes and runtime (ms).
        // MB/s with MB = 10⁶ bytes, like ours: bytes ÷ (ms / 1000) ÷ 10⁶ = bytes ÷ ms ÷ 1000.
        var value = kind.Unit == Units.MegabytesPerSecond
            ? Json.RequiredNumber(side, "io_bytes", path, where) / runtimeMs / 1000.0
            : 1e9 / Json.RequiredNumber(Json.Required(side, "lat_ns", path, where + " " + kind.Direction), "mean", path, where + " " + kind.Direction + ".lat_ns");
        var status = error != 0 ? SampleStatus.Failed(FormattableString.Invariant($"fio error {error}"))
            : runtimeMs <= 0 || !double.IsFinite(value) || value <= 0 ? SampleStatus.Failed("fio reported no runtime or no io")
            : SampleStatus.Ok;
        return new Sample
        {
            RunId = context.RunId,
            Round = context.Round,
            Mode = context.Mode,
            Workload = "io",
            Metric = MetricPrefix + name,
            Unit = kind.Unit,
            Value = status == SampleStatus.Ok ? value : double.NaN,
            Status = status,
            Iteration = iteration,
            Source = context.Source,
            TimestampUtc = context.TimestampUtc,
        };
    }
}
