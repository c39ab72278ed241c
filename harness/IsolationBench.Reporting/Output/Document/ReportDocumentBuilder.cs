namespace IsolationBench.Reporting.Output.Document;

/// <summary>
/// The report's sections, each described once as blocks; <see cref="MarkdownRenderer"/> and <see cref="HtmlRenderer"/>
/// render the same list. Where the two formats differ on purpose, the block says so (<see cref="Only"/>).
/// </summary>
public static class ReportDocumentBuilder
{
    public static ReportDocument From(ReportContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new ReportDocument(c.Title,
        [
            .. Overview(c),
            .. Verdicts(c),
            .. Warnings(c),
            .. Environment(c),
            .. DesignChecks(c),
            .. CpuControl(c),
            .. KnobCosts(c),
            .. c.Workloads.SelectMany(Workload),
            .. Trends(c),
            .. c.EngineBench is { } bench ? EngineBench(bench) : [],
            .. Excluded(c),
            .. Method(c),
        ]);
    }

    private static IEnumerable<Block> Overview(ReportContent c) =>
        c.Overview is { } overview ? [new Image(overview, Lazy: false)] : [];

    private static IEnumerable<Block> Verdicts(ReportContent c)
    {
        yield return new Heading(2, "Verdicts");
        var items = c.Verdicts.Select(v => ListItem.Of(Inline.Bold(v.Workload), $": {v.Sentence}.")).ToList();
        if (items.Count > 0)
        {
            yield return new ItemList(items) { CssClass = "verdicts", SameLine = true };
            yield break;
        }

        yield return new Only(DocumentFormat.Markdown, new ItemList([ListItem.Of("No mode could be compared with the baseline.")]));
        yield return new Only(DocumentFormat.Html, new ItemList([]) { CssClass = "verdicts", SameLine = true });
    }

    private static IEnumerable<Block> Warnings(ReportContent c)
    {
        if (c.Warnings.Count > 0 || c.Excluded.Count > 0)
        {
            yield return new Only(DocumentFormat.Markdown, new Heading(2, "Warnings"));
        }

        foreach (var w in c.Warnings)
        {
            yield return new Callout([w]);
        }

        foreach (var e in c.Excluded)
        {
            yield return new Callout(["Excluded mode ", Inline.Bold(e.Mode), ": isolation not verified — " + e.Reason]);
        }
    }

    // The run's notes are the user's own Markdown; the resources section is Markdown only (the page has its figures elsewhere).
    private static IEnumerable<Block> Environment(ReportContent c)
    {
        yield return new Heading(2, "Environment");
        yield return new KeyValueTable(c.Environment, "env") { SameLine = true };
        if (c.Notes.Count > 0)
        {
            yield return new Heading(3, "Notes");
            yield return new ItemList([.. c.Notes.Select(n => ListItem.Of(n))]) { Verbatim = true, SameLine = true };
        }

        yield return new Only(DocumentFormat.Markdown, new Raw(c.Resources));
    }

    private static IEnumerable<Block> DesignChecks(ReportContent c) =>
        c.DesignChecks.Count == 0 ? [] :
        [
            new Heading(2, "Design checks", "design-checks"),
            new ItemList([.. c.DesignChecks.Select(l => ListItem.Of(l))]) { SameLine = true },
        ];

    private static IEnumerable<Block> CpuControl(ReportContent c)
    {
        yield return new Heading(2, "CPU control");
        if (c.CpuControl.Count > 0)
        {
            yield return new ItemList([.. c.CpuControl.Select(l => ListItem.Of(l))]) { SameLine = true };
            yield break;
        }

        const string Missing = " workload in this run: host noise could not be checked.";
        yield return new Only(DocumentFormat.Markdown, new Paragraph($"No `{c.ControlWorkload}`{Missing}"));
        yield return new Only(DocumentFormat.Html, new ItemList([ListItem.Of("No ", Inline.Code(c.ControlWorkload), Missing)]) { SameLine = true });
    }

    private static IEnumerable<Block> KnobCosts(ReportContent c) =>
        c.KnobCostTable is not { } knobs ? [] :
        [
            new Heading(2, Variants.KnobCostSection.Title, "knob-costs"),
            new ItemList([.. c.KnobCostText.Select(l => ListItem.Of(l + "."))]) { SameLine = true },
            new Table(knobs.Caption, knobs.Header, knobs.Rows),
        ];

    private static IEnumerable<Block> Workload(WorkloadSection w) =>
    [
        new Heading(2, w.Workload, ChartNames.Slug(w.Workload)),
        new ItemList([.. w.Verdicts.Concat(w.Findings).Select(l => ListItem.Of(l + "."))]) { SameLine = true },
        .. w.Charts.Select(chart => new Image(chart, Lazy: true)),
        .. w.OwnTables.Select(t => new Table(t.Caption, t.Header, t.Rows)),
        .. w.Tables.Select(t => new Table(t.Caption, ReportContent.TableHeader, t.Rows)),
    ];

    private static IEnumerable<Block> Trends(ReportContent c) =>
        c.Trends.Count == 0 ? [] : [new Heading(2, "Trends", "trends"), .. c.Trends.Select(chart => new Image(chart, Lazy: true))];

    private static IEnumerable<Block> EngineBench(CrossCheck.EngineBenchSection bench) =>
    [
        new Heading(2, "BenchmarkDotNet cross-check (startup lifecycle)", "engine-bench"),
        new ItemList([.. bench.Findings.Select(f => ListItem.Of(f + ".") with { CssClass = bench.AllAgree ? null : "warn" })]) { SameLine = true },
        new Table(null, CrossCheck.EngineBenchSection.TableHeader, bench.Rows) { SameLine = true },
        new Paragraph(CrossCheck.EngineBenchSection.Explanation) { CssClass = "method", SameLine = true },
    ];

    private static IEnumerable<Block> Excluded(ReportContent c) =>
        c.Excluded.Count == 0 ? [] :
        [
            new Heading(2, "Excluded modes"),
            new ItemList([.. c.Excluded.Select(e => ListItem.Of(Inline.Bold(e.Mode), ": " + e.Reason))]) { SameLine = true },
        ];

    private static IEnumerable<Block> Method(ReportContent c) =>
    [
        new Heading(2, "Method"),
        new Paragraph(c.Method) { CssClass = "method", SameLine = true },
        new Only(DocumentFormat.Markdown, new Raw("Raw numbers: [summary.csv](summary.csv).\n")),
        new Only(DocumentFormat.Html, new Raw("<p>Raw numbers: <a href=\"summary.csv\">summary.csv</a> · <a href=\"report.md\">report.md</a></p>")),
    ];
}
