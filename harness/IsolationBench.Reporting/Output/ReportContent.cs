using System.Globalization;
using IsolationBench.Reporting.Statistics;
using static IsolationBench.Reporting.Output.Fmt;

namespace IsolationBench.Reporting.Output;

/// <summary>
/// The report's content once, as plain sections and tables; <see cref="MarkdownReport"/> and <see cref="HtmlReport"/>
/// only render it, so report.md and index.html can never say different things.
/// </summary>
public sealed record ReportContent(
    string Title,
    IReadOnlyList<(string Key, string Value)> Environment,
    IReadOnlyList<string> Notes,
    IReadOnlyList<Verdict> Verdicts,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ExcludedMode> Excluded,
    IReadOnlyList<string> CpuControl,
    IReadOnlyList<WorkloadSection> Workloads,
    string Method)
{
    /// <summary>Base names of the trend charts (history over time), empty without a history.</summary>
    public IReadOnlyList<string> Trends { get; init; } = [];

    /// <summary>BenchmarkDotNet's lifecycle figures beside the harness's (isobench run --engine-bench); null without them.</summary>
    public CrossCheck.EngineBenchSection? EngineBench { get; init; }

    /// <summary>The "Resources per mode" section (markdown), empty for old runs.</summary>
    public string Resources { get; init; } = string.Empty;

    public static readonly string[] TableHeader =
        ["mode", "n", "failed", "median", "95 % CI (median)", "ratio", "overhead (95 % CI)", "significant?"];

    public static ReportContent From(RunAnalysis a, IReadOnlyList<Verdict> verdicts, IReadOnlyList<string> warnings, IReadOnlyCollection<string> charts)
    // charts: base names of the charts written (each exists as .png and .svg).
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(charts);
        var m = a.Manifest;
        var inv = CultureInfo.InvariantCulture;
        var env = new List<(string, string)>
        {
            ("Run", $"{m.RunId} ({m.Status})"),
            ("Run date", m.StartedUtc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", inv) + (m.FinishedUtc is { } f ? " → " + f.ToString("HH:mm:ss 'UTC'", inv) : string.Empty)),
            ("Host", $"{m.Host.Hostname}: {m.Host.OsDescription} ({m.Host.Os})"),
            ("Kernel", m.Host.Kernel),
            ("CPU", $"{m.Host.CpuModel}, {m.Host.Cores.ToString(inv)} cores"),
            ("Memory", (m.Host.MemoryBytes / (1024.0 * 1024 * 1024)).ToString("0.0", inv) + " GiB"),
        };
        if (m.Engine is { } e)
        {
            env.Add(("Engine", $"{e.Version} (API {e.ApiVersion}), {e.OperatingSystem}, {e.OsType}, kernel {e.KernelVersion}"));
            env.Add(("Runtimes", string.Join(", ", e.Runtimes) + (e.DefaultRuntime is null ? string.Empty : $" (default {e.DefaultRuntime})")
                + (e.DefaultIsolation is null ? string.Empty : $"; default isolation {e.DefaultIsolation}")));
        }

        env.Add(("Modes", string.Join(", ", m.Modes.Select(d => d.Name + (d.Runtime is { } r && r != d.Name ? $" (runtime {r})" : string.Empty)
            + (d.Isolation is { } i && i != d.Name ? $" (isolation {i})" : string.Empty)))));
        env.Add(("Baseline", a.Baseline));
        foreach (var (image, id) in m.Images.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            env.Add(("Image", $"{image} = {id}"));
        }

        env.Add(("Tool", $"IsolationBench {m.ToolVersion}" + (m.Commit is null ? string.Empty : $" (commit {m.Commit})")));
        if (m.Options.Count > 0)
        {
            env.Add(("Options", string.Join(", ", m.Options.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value))));
        }

        var cpu = Output.CpuControl.Lines(a);
        var workloads = a.Workloads.Select(w => new WorkloadSection(
            w,
            verdicts.Where(v => v.Workload == w).Select(v => v.Sentence).ToList(),
            charts.Where(c => c == ChartNames.Overhead(w)
                || (w == RunAnalysis.StartupWorkload && c is ChartNames.StartupPhases or ChartNames.StartupDistribution)).ToList(),
            a.MetricsOf(w).Select(metric => Table(a, w, metric)).ToList())).ToList();

        return new ReportContent(
            $"IsolationBench report — {m.Host.Hostname}, {m.StartedUtc.ToString("yyyy-MM-dd", inv)}",
            env,
            m.Notes,
            verdicts,
            warnings,
            a.Excluded,
            cpu,
            workloads,
            MethodText(a));
    }

    private static MetricTable Table(RunAnalysis a, string workload, string metric)
    {
        var rows = a.RowsOf(workload).Where(r => r.Metric == metric).ToList();
        var unit = rows[0].Unit;
        var direction = rows[0].HigherIsBetter ? "higher is better; overhead = baseline/mode" : "lower is better; overhead = mode/baseline";
        var cells = rows.Select(r =>
        {
            var s = r.Statistics;
            var c = r.Comparison;
            return (IReadOnlyList<string>)
            [
                r.Mode + (r.IsBaseline ? " (baseline)" : string.Empty),
                Count(s.N),
                Count(s.NFailed),
                Value(s.Median),
                Interval(s.MedianCi, Value),
                r.IsBaseline ? "1" : c is null ? "–" : Factor(c.Ratio),
                r.IsBaseline ? "1" : c is null ? "–" : $"{Factor(c.Overhead)}× ({Interval(c.OverheadCi, Factor)})",
                r.IsBaseline ? string.Empty : c is null ? "no baseline data" : c.Significant ? "yes" : "no",
            ];
        }).ToList();
        return new MetricTable($"{metric} ({unit}, {direction})", cells);
    }

    private static string MethodText(RunAnalysis a) =>
        "Statistics over `ok` samples only; failed samples are counted (column *failed*) and never averaged in. "
        + "Median and its 95 % CI: percentile bootstrap of the median, resampling whole rounds (one container = one round, "
        + "so BenchmarkDotNet iterations of one container are not treated as independent), fixed seed, so the report is reproducible. "
        + $"Ratio = median(mode) / median({a.Baseline}); its 95 % CI pairs the two independent bootstraps. "
        + "Overhead > 1 always means worse than the baseline: ratio for times (ms, ns/op), 1/ratio for throughput (units ending in /s). "
        + "Significant ⇔ the ratio's 95 % CI excludes 1.0 (summary.csv also carries a two-sided Mann–Whitney p-value, informative only).";
}

public sealed record WorkloadSection(string Workload, IReadOnlyList<string> Verdicts, IReadOnlyList<string> Charts, IReadOnlyList<MetricTable> Tables);

public sealed record MetricTable(string Caption, IReadOnlyList<IReadOnlyList<string>> Rows);
