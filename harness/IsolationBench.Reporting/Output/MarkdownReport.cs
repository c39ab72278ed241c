using System.Text;

namespace IsolationBench.Reporting.Output;

/// <summary>report.md (GitHub-flavoured): charts are linked relatively, so the folder can be moved or published as is.</summary>
public static class MarkdownReport
{
    public static string Render(ReportContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(c.Title).AppendLine();
        if (c.Overview is { } overview)
        {
            sb.Append("![").Append(overview).Append("](").Append(overview).Append(".png) ([SVG](").Append(overview).AppendLine(".svg))").AppendLine();
        }

        sb.AppendLine("## Verdicts").AppendLine();
        foreach (var v in c.Verdicts)
        {
            sb.Append("- **").Append(Escape(v.Workload)).Append("**: ").Append(Escape(v.Sentence)).AppendLine(".");
        }

        if (c.Verdicts.Count == 0)
        {
            sb.AppendLine("- No mode could be compared with the baseline.");
        }

        sb.AppendLine();
        if (c.Warnings.Count > 0 || c.Excluded.Count > 0)
        {
            sb.AppendLine("## Warnings").AppendLine();
            foreach (var w in c.Warnings)
            {
                sb.Append("> ⚠️ ").AppendLine(Escape(w)).AppendLine();
            }

            foreach (var e in c.Excluded)
            {
                sb.Append("> ⚠️ Excluded mode **").Append(Escape(e.Mode)).Append("**: isolation not verified — ").AppendLine(Escape(e.Reason)).AppendLine();
            }
        }

        sb.AppendLine("## Environment").AppendLine();
        sb.AppendLine("| | |").AppendLine("|---|---|");
        foreach (var (key, value) in c.Environment)
        {
            sb.Append("| ").Append(Escape(key)).Append(" | ").Append(Escape(value)).AppendLine(" |");
        }

        sb.AppendLine();
        if (c.Notes.Count > 0)
        {
            sb.AppendLine("### Notes").AppendLine();
            foreach (var note in c.Notes)
            {
                sb.Append("- ").AppendLine(note);
            }

            sb.AppendLine();
        }

        sb.Append(c.Resources);

        if (c.DesignChecks.Count > 0)
        {
            sb.AppendLine("## Design checks").AppendLine();
            foreach (var line in c.DesignChecks)
            {
                sb.Append("- ").AppendLine(Escape(line));
            }

            sb.AppendLine();
        }

        sb.AppendLine("## CPU control").AppendLine();
        if (c.CpuControl.Count == 0)
        {
            sb.AppendLine("No `cpu` workload in this run: host noise could not be checked.");
        }

        foreach (var line in c.CpuControl)
        {
            sb.Append("- ").AppendLine(Escape(line));
        }

        sb.AppendLine();
        if (c.KnobCostTable is { } knobs)
        {
            sb.Append("## ").AppendLine(Variants.KnobCostSection.Title).AppendLine();
            foreach (var line in c.KnobCostText)
            {
                sb.Append("- ").Append(Escape(line)).AppendLine(".");
            }

            sb.AppendLine();
            AppendTable(sb, knobs);
        }

        foreach (var w in c.Workloads)
        {
            sb.Append("## ").AppendLine(Escape(w.Workload)).AppendLine();
            foreach (var v in w.Verdicts)
            {
                sb.Append("- ").Append(Escape(v)).AppendLine(".");
            }

            foreach (var finding in w.Findings)
            {
                sb.Append("- ").Append(Escape(finding)).AppendLine(".");
            }

            sb.AppendLine();
            foreach (var chart in w.Charts)
            {
                sb.Append("![").Append(chart).Append("](").Append(chart).Append(".png) ([SVG](").Append(chart).AppendLine(".svg))").AppendLine();
            }

            foreach (var t in w.OwnTables)
            {
                AppendTable(sb, t);
            }

            foreach (var t in w.Tables)
            {
                sb.Append("**").Append(Escape(t.Caption)).AppendLine("**").AppendLine();
                sb.Append("| ").Append(string.Join(" | ", ReportContent.TableHeader)).AppendLine(" |");
                sb.Append('|').Append(string.Concat(ReportContent.TableHeader.Select((_, i) => i == 0 ? "---|" : "---:|"))).AppendLine();
                foreach (var row in t.Rows)
                {
                    sb.Append("| ").Append(string.Join(" | ", row.Select(Escape))).AppendLine(" |");
                }

                sb.AppendLine();
            }
        }

        if (c.Trends.Count > 0)
        {
            sb.AppendLine("## Trends").AppendLine();
            foreach (var chart in c.Trends)
            {
                sb.Append("![").Append(chart).Append("](").Append(chart).Append(".png) ([SVG](").Append(chart).AppendLine(".svg))").AppendLine();
            }
        }

        if (c.EngineBench is { } bench)
        {
            AppendEngineBench(sb, bench);
        }

        if (c.Excluded.Count > 0)
        {
            sb.AppendLine("## Excluded modes").AppendLine();
            foreach (var e in c.Excluded)
            {
                sb.Append("- **").Append(Escape(e.Mode)).Append("**: ").AppendLine(Escape(e.Reason));
            }

            sb.AppendLine();
        }

        sb.AppendLine("## Method").AppendLine().AppendLine(c.Method).AppendLine();
        sb.AppendLine("Raw numbers: [summary.csv](summary.csv).");
        return sb.ToString();
    }

    private static void AppendTable(StringBuilder sb, SectionTable t)
    {
        sb.Append("**").Append(Escape(t.Caption)).AppendLine("**").AppendLine();
        sb.Append("| ").Append(string.Join(" | ", t.Header.Select(Escape))).AppendLine(" |");
        sb.Append('|').Append(string.Concat(t.Header.Select((_, i) => i == 0 ? "---|" : "---:|"))).AppendLine();
        foreach (var row in t.Rows)
        {
            sb.Append("| ").Append(string.Join(" | ", row.Select(Escape))).AppendLine(" |");
        }

        sb.AppendLine();
    }

    private static void AppendEngineBench(StringBuilder sb, CrossCheck.EngineBenchSection bench)
    {
        sb.AppendLine("## BenchmarkDotNet cross-check (startup lifecycle)").AppendLine();
        foreach (var finding in bench.Findings)
        {
            sb.Append("- ").Append(Escape(finding)).AppendLine(".");
        }

        sb.AppendLine();
        sb.Append("| ").Append(string.Join(" | ", CrossCheck.EngineBenchSection.TableHeader)).AppendLine(" |");
        sb.Append('|').Append(string.Concat(CrossCheck.EngineBenchSection.TableHeader.Select((_, i) => i == 0 ? "---|" : "---:|"))).AppendLine();
        foreach (var row in bench.Rows)
        {
            sb.Append("| ").Append(string.Join(" | ", row.Select(Escape))).AppendLine(" |");
        }

        sb.AppendLine().AppendLine(CrossCheck.EngineBenchSection.Explanation).AppendLine();
    }

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
