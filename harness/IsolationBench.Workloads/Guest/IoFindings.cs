using System.Globalization;
using IsolationBench.Reporting.Findings;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting;
using IsolationBench.Results.BenchmarkDotNet;
using IsolationBench.Results.Io;
using IsolationBench.Results;
using static IsolationBench.Reporting.Output.Fmt;

namespace IsolationBench.Workloads.Guest;

/// <summary>
/// What the report must say about the io figures before any verdict: which filesystem each mode's target was on,
/// whether a read reached the device or the cache (from the mincore checks of that mode), and whether fio, run on
/// the same target, in the same mode, with the same operation, agrees with our figure. A (metric, mode) that is not
/// like for like gets a refusal instead of a verdict. Pure: reads the analysis and the run's io-*.csv rows.
/// </summary>
public sealed record IoFindings(
    IReadOnlyList<string> Lines,
    IReadOnlyDictionary<(string Metric, string Mode), string> Refusals,
    IReadOnlyDictionary<string, string> CaptionNotes)
{
    public const string Workload = "io";

    /// <summary>Ours and fio's medians may differ by this much (relative to fio) before the figure is not trusted.</summary>
    public const double FioTolerance = 0.10;

    public static bool IsFio(string metric) => metric.StartsWith(FioReportConverter.MetricPrefix, StringComparison.Ordinal);

    public static IoFindings Empty { get; } = new([], new Dictionary<(string, string), string>(), new Dictionary<string, string>());

    public static IoFindings Load(string runDir, RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return analysis.Workloads.Contains(Workload)
            ? From(analysis, IoFactsCsv.ReadTargets(runDir), IoFactsCsv.ReadReads(runDir))
            : Empty;
    }

    public static IoFindings From(RunAnalysis a, IReadOnlyList<IoTargetRow> targets, IReadOnlyList<IoReadRow> reads)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(reads);
        var ours = a.MetricsOf(Workload).Where(m => !m.StartsWith(FioReportConverter.MetricPrefix, StringComparison.Ordinal)).ToList();
        var others = a.Modes.Where(m => m != a.Baseline).ToList();
        var findings = new Builder(a, ours, others);
        findings.Filesystems(targets);
        findings.DeviceOrCache(reads);
        findings.FioReferee(reads);
        findings.FioNotRun();
        return new IoFindings(findings.Lines, findings.Refusals, findings.Captions.ToDictionary(kv => kv.Key, kv => string.Join("; ", kv.Value), StringComparer.Ordinal));
    }

    private static string Describe(IoTargetRow t) =>
        t.FsType + (t.StatfsType != t.FsType && !t.StatfsType.Contains('/', StringComparison.Ordinal) ? $" (statfs {t.StatfsType})" : string.Empty)
        + (t.MountOptions.Length > 0 ? $" ({t.MountOptions})" : string.Empty);

    // fio reads the same file in the same cage after the same drop; where ours measured the pages still resident, the
    // two tools compare that cage's cache path, which says nothing about the device (and no verdict rests on it).
    private static string CacheRefereed(IReadOnlyList<IoReadRow> reads, string metric, string mode) =>
        KindOf(reads, metric, mode) == ReadKinds.Cache ? "; ours read the cache here: this referees the cache path, not the device" : string.Empty;

    /// <summary>A mode's read kind over all its rounds: one cache-read round makes it a cache read.</summary>
    private static string? KindOf(IReadOnlyList<IoReadRow> reads, string metric, string mode)
    {
        var kinds = reads.Where(r => r.Metric == metric && r.Mode == mode).Select(r => r.ReadKind).ToList();
        return kinds.Count == 0 ? null : kinds.Contains(ReadKinds.Cache) ? ReadKinds.Cache : ReadKinds.Device;
    }

    private static double MaxResident(IReadOnlyList<IoReadRow> reads, string metric, string mode) =>
        reads.Where(r => r.Metric == metric && r.Mode == mode && r.FilePages > 0)
            .Select(r => (double)r.MaxResidentPages / r.FilePages).DefaultIfEmpty(double.NaN).Max();

    private static string Percent(double fraction) =>
        double.IsFinite(fraction) ? (fraction * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " %" : "–";

    private static void Add(Dictionary<string, List<string>> captions, string metric, string text)
    {
        if (!captions.TryGetValue(metric, out var list))
        {
            captions[metric] = list = [];
        }

        list.Add(text);
    }

    /// <summary>The checks in the order the report lists them, each adding lines, caption notes and refusals (the first reason per (metric, mode) stands).</summary>
    private sealed class Builder(RunAnalysis a, List<string> ours, List<string> others)
    {
        public List<string> Lines { get; } = [];

        public Dictionary<(string, string), string> Refusals { get; } = [];

        public Dictionary<string, List<string>> Captions { get; } = new(StringComparer.Ordinal);

        public void Filesystems(IReadOnlyList<IoTargetRow> targets)
        {
            var (lines, refusals, captions) = (Lines, Refusals, Captions);
            // 1. Filesystems per target and mode; a memory-backed target on either side refuses the comparison.
            if (targets.Count == 0)
            {
                lines.Add("Filesystems of the io targets were not recorded (a run from an older version, or not Linux): whether the baseline wrote to the same kind of filesystem is unknown");
            }

            foreach (var target in targets.Select(t => t.Target).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var byMode = a.Modes.ToDictionary(m => m, m => targets.Where(t => t.Target == target && t.Mode == m).ToList(), StringComparer.Ordinal);
                var described = a.Modes.Where(m => byMode[m].Count > 0)
                    .Select(m => $"{m} {string.Join(" / ", byMode[m].Select(Describe).Distinct(StringComparer.Ordinal))}").ToList();
                var text = $"{target}: {string.Join("; ", described)}";
                lines.Add("Filesystem of the " + text);
                var metrics = ours.Where(m => m.EndsWith("@" + target, StringComparison.Ordinal)).ToList();
                foreach (var metric in metrics)
                {
                    Add(captions, metric, text);
                }

                var baselineMemory = byMode.GetValueOrDefault(a.Baseline)?.FirstOrDefault(t => t.IsMemoryBacked);
                foreach (var mode in others)
                {
                    var modeMemory = byMode[mode].FirstOrDefault(t => t.IsMemoryBacked);
                    var reason = baselineMemory is not null ? $"not comparable: baseline target is {baselineMemory.FsType}"
                        : modeMemory is not null ? $"not comparable: {mode} target is {modeMemory.FsType}"
                        : null;
                    if (reason is not null)
                    {
                        metrics.ForEach(metric => refusals.TryAdd((metric, mode), reason));
                    }
                }
            }
        }

        public void DeviceOrCache(IReadOnlyList<IoReadRow> reads)
        {
            var (lines, refusals, captions) = (Lines, Refusals, Captions);
            // 2. Device or cache read, per mode, from the residency measured in that mode.
            foreach (var metric in reads.Select(r => r.Metric).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var kinds = a.Modes.Select(m => (Mode: m, Kind: KindOf(reads, metric, m), Max: MaxResident(reads, metric, m)))
                    .Where(k => k.Kind is not null).ToList();
                var text = string.Join("; ", kinds.GroupBy(k => k.Kind!).Select(g =>
                    $"{g.Key} on {string.Join(", ", g.Select(k => k.Mode))}"
                    + (g.Key == ReadKinds.Cache ? $" (up to {string.Join(", ", g.Select(k => Percent(k.Max)))} of the file's pages resident after the drop)" : string.Empty)));
                lines.Add($"{metric}: {text}");
                Add(captions, metric, text);
                var baselineKind = KindOf(reads, metric, a.Baseline);
                foreach (var mode in others)
                {
                    var kind = KindOf(reads, metric, mode);
                    if (baselineKind is not null && kind is not null && kind != baselineKind)
                    {
                        refusals.TryAdd((metric, mode), $"not comparable: {kind} on {mode} vs {baselineKind} on {a.Baseline}");
                    }
                }
            }
        }

        public void FioReferee(IReadOnlyList<IoReadRow> reads)
        {
            var (lines, refusals) = (Lines, Refusals);
            // 3. fio as referee: same target, mode and operation, paired by container (PairedLogRatio); a difference beyond
            // the tolerance leaves our figure untrusted, and the interval says whether it is a real disagreement or noise.
            foreach (var metric in ours)
            {
                var fio = FioReportConverter.MetricPrefix + metric;
                var pairs = a.Modes.Select(m => (Mode: m, Ours: a.Row(Workload, metric, m)?.Statistics.Median, Fio: a.Row(Workload, fio, m)?.Statistics.Median))
                    .Where(p => p.Ours is { } o && double.IsFinite(o) && p.Fio is { } f && double.IsFinite(f) && f > 0).ToList();
                if (pairs.Count == 0)
                {
                    continue;
                }

                var unit = a.Row(Workload, metric, pairs[0].Mode)!.Unit;
                var agreement = pairs.ToDictionary(p => p.Mode, p => FioAgreement.Of(a.Samples, Workload, metric, fio, p.Mode, p.Ours!.Value, p.Fio!.Value), StringComparer.Ordinal);
                lines.Add($"{metric} against fio (medians, {unit}{(unit == Units.OpsPerSecond ? "; fio's reads as 1 ÷ its mean latency per read" : string.Empty)}; difference and 95 % CI paired by container): " + string.Join("; ", pairs.Select(p =>
                    $"{p.Mode} ours {Value(p.Ours!.Value)} vs fio {Value(p.Fio!.Value)} ({agreement[p.Mode].Describe()}{CacheRefereed(reads, metric, p.Mode)})")));
                foreach (var mode in others)
                {
                    if (agreement.TryGetValue(a.Baseline, out var b) && !b.Agrees)
                    {
                        refusals.TryAdd((metric, mode), $"{a.Baseline} (baseline) {b.Refusal()}");
                    }
                    else if (agreement.TryGetValue(mode, out var d) && !d.Agrees)
                    {
                        refusals.TryAdd((metric, mode), d.Refusal());
                    }
                }
            }
        }

        public void FioNotRun()
        {
            if (!a.MetricsOf(Workload).Any(m => m.StartsWith(FioReportConverter.MetricPrefix, StringComparison.Ordinal))
                && int.TryParse(a.Manifest.Options.GetValueOrDefault("guest_rounds"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var rounds)
                && rounds < Significance.MinUnits)
            {
                Lines.Add(FormattableString.Invariant(
                    $"fio did not run: with {rounds} containers per mode no io difference is judged, so there is no verdict for it to referee (it runs from {Significance.MinUnits}: --profile default or --guest-rounds {Significance.MinUnits})"));
            }
        }
    }
}
