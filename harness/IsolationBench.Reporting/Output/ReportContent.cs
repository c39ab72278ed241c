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
    /// <summary>The whole run in one picture (<see cref="ChartNames.Overview"/>), shown first; null when it was not drawn.</summary>
    public string? Overview { get; init; }

    /// <summary>Order effects and engine-clock cross-checks: what the design could bias, measured.</summary>
    public IReadOnlyList<string> DesignChecks { get; init; } = [];

    /// <summary>Base names of the trend charts (history over time), empty without a history.</summary>
    public IReadOnlyList<string> Trends { get; init; } = [];

    /// <summary>BenchmarkDotNet's lifecycle figures beside the harness's (isobench run --engine-bench); null without them.</summary>
    public CrossCheck.EngineBenchSection? EngineBench { get; init; }

    /// <summary>The "Resources per mode" section (markdown), empty for old runs.</summary>
    public string Resources { get; init; } = string.Empty;

    /// <summary>"What each knob costs": what variants are, then the table (<see cref="Variants.KnobCostSection"/>); empty without variants.</summary>
    public IReadOnlyList<string> KnobCostText { get; init; } = [];

    /// <summary>The host-noise control workload(s), named where the run has none ("No `cpu` workload in this run").</summary>
    public string ControlWorkload { get; init; } = "control";

    /// <summary>The knob-cost table; null when the run has no variant beside its parent.</summary>
    public SectionTable? KnobCostTable { get; init; }

    public static readonly string[] TableHeader =
        ["mode", "units", "n", "failed", "median", "95 % CI (median)", "ratio (95 % CI)", "overhead (95 % CI)", "significant?", "pair (95 % CI)"];

    /// <summary>The report of the judged analysis: its verdicts, the referees' lines and notes in their sections, a refused row's verdict cells replaced by the reason.</summary>
    /// <param name="judged">the judged analysis.</param>
    /// <param name="warnings">the analysers' warnings and the exporters' own (a history that already held the run).</param>
    /// <param name="charts">base names of the charts written (each exists as .png and .svg).</param>
    public static ReportContent From(Analysers.JudgedAnalysis judged, IReadOnlyList<string> warnings, IReadOnlyCollection<string> charts)
    {
        ArgumentNullException.ThrowIfNull(judged);
        var content = From(judged.Analysis, judged.Verdicts, warnings, charts) with
        {
            DesignChecks = judged.DesignChecks,
        };
        var knobs = Variants.KnobCostSection.For(judged);
        content = content with { KnobCostText = knobs?.Text ?? [], KnobCostTable = knobs?.Table };
        foreach (var workload in judged.Refusals.Select(r => r.Workload).Concat(judged.Conclusions.Referees.Select(r => r.Workload)).Distinct(StringComparer.Ordinal))
        {
            var referees = judged.Conclusions.Referees.Where(r => r.Workload == workload).ToList();
            var refusals = judged.Refusals.Where(r => r.Workload == workload).ToDictionary(r => (r.Metric, r.Mode), r => r.Reason);
            content = Findings.RefereeRefusals.Apply(
                content, workload, [.. referees.SelectMany(r => r.Lines)], refusals, metric => referees.Select(r => r.CaptionNote(metric)).FirstOrDefault(n => n is not null));
        }

        return content;
    }

    private static ReportContent From(RunAnalysis a, IReadOnlyList<Verdict> verdicts, IReadOnlyList<string> warnings, IReadOnlyCollection<string> charts)
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
        env.AddRange(WindowsHostLine.Lines(m.Host));
        if (m.Engine is { } e)
        {
            env.Add(("Engine", $"{e.Version} (API {e.ApiVersion}), {e.OperatingSystem}, {e.OsType}, kernel {e.KernelVersion}"));
            if (e.Remote)
            {
                env.Add(("Engine host", $"{e.Name}: {e.Cpus.ToString(inv)} CPUs, {(e.MemoryBytes / (1024.0 * 1024 * 1024)).ToString("0.0", inv)} GiB — remote: the containers ran there, verified against its /info; Host above is where isobench ran"));
            }

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
            charts.Where(c => c == ChartNames.Overhead(w) || IsolationBench.Reporting.Workloads.WorkloadReports.ChartsOf(a.Parts, w).Any(own => own.Name == c)).ToList(),
            a.MetricsOf(w).Select(metric => Table(a, w, metric)).ToList())
        {
            Findings = IsolationBench.Reporting.Workloads.WorkloadReports.FindingsOf(a.Parts, w, a),
            OwnTables = IsolationBench.Reporting.Workloads.WorkloadReports.TablesOf(a.Parts, w, a),
        }).ToList();

        return new ReportContent(
            $"IsolationBench report — {m.Host.Hostname}, {m.StartedUtc.ToString("yyyy-MM-dd", inv)}",
            env,
            m.Notes,
            verdicts,
            warnings,
            a.Excluded,
            cpu,
            workloads,
            MethodText(a))
        {
            Overview = charts.Contains(ChartNames.Overview) ? ChartNames.Overview : null,
            ControlWorkload = string.Join(", ", a.ControlWorkloads) is { Length: > 0 } controls ? controls : "control",
        };
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
                Count(s.Units),
                Count(s.N),
                Count(s.NFailed),
                Value(s.Median),
                Interval(s.MedianCi, Value),
                r.IsBaseline ? "1" : c is null ? "–" : $"{Factor(c.Ratio)} ({Interval(c.RatioCi, Factor)})",
                r.IsBaseline ? "1" : c is null ? "–" : $"{Factor(c.Overhead)}× ({Interval(c.OverheadCi, Factor)})",
                r.IsBaseline ? string.Empty : SignificanceCell(r, c),
                r.Pair is { } p ? $"{Factor(p.Overhead)}× vs {p.Against} ({Interval(p.OverheadCi, Factor)}){(p.Significant ? ", significant" : string.Empty)}" : string.Empty,
            ];
        }).ToList();
        return new MetricTable($"{metric} ({unit}, {direction})", cells);
    }

    /// <summary>yes / no, or why the question is not asked.</summary>
    public static string SignificanceCell(MetricRow r, BaselineComparison? c) =>
        r.NoRatio is { } why ? "no ratio: " + why
        : c is null ? "no baseline data"
        : c.Withheld is { } withheld ? "not judged: " + withheld
        : c.Significant ? "yes" : "no";

    private static string MethodText(RunAnalysis a) =>
        MethodFor(a.Baseline) + (a.Modes.Any(m => IsolationBench.Results.ModeVariants.IsVariant(m, a.Manifest))
            ? " A variant (parent+knob, e.g. runc+unconfined) is paired with its parent in the column *pair*, and never is the baseline."
            : string.Empty);

    /// <summary>What the statistics do, in words; kept beside the code that does it (RunAnalyzer, LogRatioInterval, Significance).</summary>
    public static string MethodFor(string baseline) =>
        "Statistics over `ok` samples only; failed samples are counted (column *failed*) and never averaged in. Every iteration is kept: no outlier is removed. "
        + "The unit is the independent thing: a container (or host process) for guest workloads, whose BenchmarkDotNet iterations are summarised by their median, "
        + "and a lifecycle for startup (column *units*). "
        + "Median = median of the units; its 95 % CI is the distribution-free order-statistic interval of the units' median ([min, max] below 6 units, which covers less than 95 %). "
        + $"Ratio = geometric mean of the mode's units / geometric mean of {baseline}'s units; its 95 % CI is a Welch t-interval on the log units, exponentiated "
        + "(so the interval comes from the variation between containers, never from iterations inside one). "
        + "Overhead > 1 always means worse than the baseline: ratio for times (ms, ns/op), 1/ratio for throughput (units ending in /s). "
        + $"Significant ⇔ the ratio's 95 % CI excludes 1.0 and each side has at least {Significance.MinUnits} units; with fewer, the interval is shown but no verdict is given. "
        + "Startup phase ratios are shown only for phases that mean the same thing in both modes (total, fingerprint, exit; create, start and remove between containers; never ready, which is clamped for containers). "
        + "The column *pair* compares a sandbox with runc (hyperv with process) the same way. "
        + "summary.csv also carries a two-sided Mann–Whitney p-value over the units, informative only.";
}

public sealed record WorkloadSection(string Workload, IReadOnlyList<string> Verdicts, IReadOnlyList<string> Charts, IReadOnlyList<MetricTable> Tables)
{
    /// <summary>The workload's own findings (<see cref="IsolationBench.Reporting.Workloads.WorkloadReport.Findings"/>), listed after its verdicts.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    /// <summary>The workload's own tables (<see cref="IsolationBench.Reporting.Workloads.WorkloadReport.Tables"/>), shown after its charts.</summary>
    public IReadOnlyList<SectionTable> OwnTables { get; init; } = [];
}

public sealed record MetricTable(string Caption, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A table with its own columns (the first column is text, the others figures).</summary>
public sealed record SectionTable(string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);
