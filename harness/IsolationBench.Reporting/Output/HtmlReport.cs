using System.Net;
using System.Text;

namespace IsolationBench.Reporting.Output;

/// <summary>index.html: one self-contained page (inline CSS), charts as relative SVG &lt;img&gt; links.</summary>
public static class HtmlReport
{
    private const string Css = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1280px;margin:2em auto;padding:0 1em;color:#222}
        h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.8em}
        table{border-collapse:collapse;margin:.5em 0 1.4em;display:block;max-width:100%;overflow-x:auto}th,td{border:1px solid #ddd;padding:.3em .6em}
        li,p{overflow-wrap:anywhere}
        th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}
        table.env td:first-child{font-weight:600;white-space:nowrap}
        .warn{background:#fff4e5;border-left:4px solid #f0a020;padding:.5em .8em;margin:.5em 0}
        .verdicts li{margin:.2em 0}img{max-width:100%;height:auto;border:1px solid #eee;margin:.5em 0}
        caption{text-align:left;font-weight:600;padding:.3em 0}.method{color:#555;font-size:.92em}
        """;

    /// <summary>A page's head (inline CSS) and its title as the first heading: every page the suite writes starts so.</summary>
    internal static StringBuilder Begin(string title) => new StringBuilder()
        .AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .Append("<title>").Append(E(title)).AppendLine("</title>")
        .Append("<style>").Append(Css).AppendLine("</style></head><body>")
        .Append("<h1>").Append(E(title)).AppendLine("</h1>");

    public static string Render(ReportContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var sb = Begin(c.Title);
        if (c.Overview is { } overview)
        {
            sb.Append("<p><a href=\"").Append(E(overview)).Append(".png\"><img src=\"").Append(E(overview)).Append(".svg\" alt=\"")
                .Append(E(overview)).AppendLine("\"></a></p>");
        }

        sb.AppendLine("<h2>Verdicts</h2><ul class=\"verdicts\">");
        foreach (var v in c.Verdicts)
        {
            sb.Append("<li><b>").Append(E(v.Workload)).Append("</b>: ").Append(E(v.Sentence)).AppendLine(".</li>");
        }

        sb.AppendLine("</ul>");
        foreach (var w in c.Warnings)
        {
            sb.Append("<p class=\"warn\">⚠️ ").Append(E(w)).AppendLine("</p>");
        }

        foreach (var e in c.Excluded)
        {
            sb.Append("<p class=\"warn\">⚠️ Excluded mode <b>").Append(E(e.Mode)).Append("</b>: isolation not verified — ").Append(E(e.Reason)).AppendLine("</p>");
        }

        sb.AppendLine("<h2>Environment</h2><table class=\"env\">");
        foreach (var (key, value) in c.Environment)
        {
            sb.Append("<tr><td>").Append(E(key)).Append("</td><td>").Append(E(value)).AppendLine("</td></tr>");
        }

        sb.AppendLine("</table>");
        if (c.Notes.Count > 0)
        {
            sb.AppendLine("<h3>Notes</h3><ul>");
            foreach (var note in c.Notes)
            {
                sb.Append("<li>").Append(E(note)).AppendLine("</li>");
            }

            sb.AppendLine("</ul>");
        }

        if (c.DesignChecks.Count > 0)
        {
            sb.AppendLine("<h2 id=\"design-checks\">Design checks</h2><ul>");
            foreach (var line in c.DesignChecks)
            {
                sb.Append("<li>").Append(E(line)).AppendLine("</li>");
            }

            sb.AppendLine("</ul>");
        }

        sb.AppendLine("<h2>CPU control</h2><ul>");
        if (c.CpuControl.Count == 0)
        {
            sb.AppendLine("<li>No <code>cpu</code> workload in this run: host noise could not be checked.</li>");
        }

        foreach (var line in c.CpuControl)
        {
            sb.Append("<li>").Append(E(line)).AppendLine("</li>");
        }

        sb.AppendLine("</ul>");
        if (c.KnobCostTable is { } knobs)
        {
            sb.Append("<h2 id=\"knob-costs\">").Append(E(Variants.KnobCostSection.Title)).AppendLine("</h2><ul>");
            foreach (var line in c.KnobCostText)
            {
                sb.Append("<li>").Append(E(line)).AppendLine(".</li>");
            }

            sb.AppendLine("</ul>");
            AppendTable(sb, knobs.Caption, knobs.Header, knobs.Rows);
        }

        foreach (var w in c.Workloads)
        {
            sb.Append("<h2 id=\"").Append(E(ChartNames.Slug(w.Workload))).Append("\">").Append(E(w.Workload)).AppendLine("</h2><ul>");
            foreach (var v in w.Verdicts)
            {
                sb.Append("<li>").Append(E(v)).AppendLine(".</li>");
            }

            foreach (var finding in w.Findings)
            {
                sb.Append("<li>").Append(E(finding)).AppendLine(".</li>");
            }

            sb.AppendLine("</ul>");
            foreach (var chart in w.Charts)
            {
                sb.Append("<p><a href=\"").Append(E(chart)).Append(".png\"><img src=\"").Append(E(chart)).Append(".svg\" alt=\"")
                    .Append(E(chart)).AppendLine("\" loading=\"lazy\"></a></p>");
            }

            foreach (var t in w.OwnTables)
            {
                AppendTable(sb, t.Caption, t.Header, t.Rows);
            }

            foreach (var t in w.Tables)
            {
                sb.Append("<table><caption>").Append(E(t.Caption)).AppendLine("</caption><tr>");
                foreach (var h in ReportContent.TableHeader)
                {
                    sb.Append("<th>").Append(E(h)).Append("</th>");
                }

                sb.AppendLine("</tr>");
                foreach (var row in t.Rows)
                {
                    sb.Append("<tr>");
                    foreach (var (cell, i) in row.Select((x, i) => (x, i)))
                    {
                        sb.Append(i == 0 ? "<td>" : "<td class=\"n\">").Append(E(cell)).Append("</td>");
                    }

                    sb.AppendLine("</tr>");
                }

                sb.AppendLine("</table>");
            }
        }

        if (c.Trends.Count > 0)
        {
            sb.AppendLine("<h2 id=\"trends\">Trends</h2>");
            foreach (var chart in c.Trends)
            {
                sb.Append("<p><a href=\"").Append(E(chart)).Append(".png\"><img src=\"").Append(E(chart)).Append(".svg\" alt=\"")
                    .Append(E(chart)).AppendLine("\" loading=\"lazy\"></a></p>");
            }
        }

        if (c.EngineBench is { } bench)
        {
            AppendEngineBench(sb, bench);
        }

        if (c.Excluded.Count > 0)
        {
            sb.AppendLine("<h2>Excluded modes</h2><ul>");
            foreach (var e in c.Excluded)
            {
                sb.Append("<li><b>").Append(E(e.Mode)).Append("</b>: ").Append(E(e.Reason)).AppendLine("</li>");
            }

            sb.AppendLine("</ul>");
        }

        sb.Append("<h2>Method</h2><p class=\"method\">").Append(E(c.Method).Replace("`", string.Empty, StringComparison.Ordinal)).AppendLine("</p>");
        sb.AppendLine("<p>Raw numbers: <a href=\"summary.csv\">summary.csv</a> · <a href=\"report.md\">report.md</a></p>");
        sb.AppendLine("</body></html>");
        return sb.ToString();
    }

    private static void AppendEngineBench(StringBuilder sb, CrossCheck.EngineBenchSection bench)
    {
        sb.AppendLine("<h2 id=\"engine-bench\">BenchmarkDotNet cross-check (startup lifecycle)</h2><ul>");
        foreach (var finding in bench.Findings)
        {
            sb.Append(bench.AllAgree ? "<li>" : "<li class=\"warn\">").Append(E(finding)).AppendLine(".</li>");
        }

        sb.AppendLine("</ul><table><tr>");
        foreach (var h in CrossCheck.EngineBenchSection.TableHeader)
        {
            sb.Append("<th>").Append(E(h)).Append("</th>");
        }

        sb.AppendLine("</tr>");
        foreach (var row in bench.Rows)
        {
            sb.Append("<tr>");
            foreach (var (cell, i) in row.Select((x, i) => (x, i)))
            {
                sb.Append(i == 0 ? "<td>" : "<td class=\"n\">").Append(E(cell)).Append("</td>");
            }

            sb.AppendLine("</tr>");
        }

        sb.Append("</table><p class=\"method\">").Append(E(CrossCheck.EngineBenchSection.Explanation).Replace("`", string.Empty, StringComparison.Ordinal)).AppendLine("</p>");
    }

    private static void AppendTable(StringBuilder sb, string caption, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        sb.Append("<table><caption>").Append(E(caption)).AppendLine("</caption><tr>");
        foreach (var h in header)
        {
            sb.Append("<th>").Append(E(h)).Append("</th>");
        }

        sb.AppendLine("</tr>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            foreach (var (cell, i) in row.Select((x, i) => (x, i)))
            {
                sb.Append(i == 0 ? "<td>" : "<td class=\"n\">").Append(E(cell)).Append("</td>");
            }

            sb.AppendLine("</tr>");
        }

        sb.AppendLine("</table>");
    }

    internal static string E(string s) => WebUtility.HtmlEncode(s);
}
