using System.Text;

namespace IsolationBench.Reporting.Output.Document;

/// <summary>A <see cref="ReportDocument"/> as one self-contained page (inline CSS), charts as relative SVG &lt;img&gt; links.</summary>
public static class HtmlRenderer
{
    public static string Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sb = HtmlReport.Begin(document.Title);
        var first = true;
        foreach (var block in document.Blocks)
        {
            if (Shown(block) is not { } shown)
            {
                continue;
            }

            if (!first && !shown.SameLine)
            {
                sb.AppendLine();
            }

            Write(sb, shown);
            first = false;
        }

        return sb.AppendLine().AppendLine("</body></html>").ToString();
    }

    private static Block? Shown(Block block) => block switch
    {
        Only { Format: DocumentFormat.Html } only => only.Block,
        Only => null,
        _ => block,
    };

    private static void Write(StringBuilder sb, Block block)
    {
        switch (block)
        {
            case Heading h:
                sb.Append("<h").Append(h.Level);
                if (h.Anchor is { } anchor)
                {
                    sb.Append(" id=\"").Append(E(anchor)).Append('"');
                }

                sb.Append('>').Append(E(h.Text)).Append("</h").Append(h.Level).Append('>');
                break;
            case Paragraph p:
                sb.Append(p.CssClass is { } css ? $"<p class=\"{css}\">" : "<p>")
                    .Append(E(p.Text).Replace("`", string.Empty, StringComparison.Ordinal)).Append("</p>");
                break;
            case Image i:
                sb.Append("<p><a href=\"").Append(E(i.Name)).Append(".png\"><img src=\"").Append(E(i.Name)).Append(".svg\" alt=\"")
                    .Append(E(i.Name)).Append(i.Lazy ? "\" loading=\"lazy\"></a></p>" : "\"></a></p>");
                break;
            case ItemList list:
                sb.AppendLine(list.CssClass is { } listCss ? $"<ul class=\"{listCss}\">" : "<ul>");
                foreach (var item in list.Items)
                {
                    sb.Append(item.CssClass is { } itemCss ? $"<li class=\"{itemCss}\">" : "<li>").Append(Inlines(item.Content)).AppendLine("</li>");
                }

                sb.Append("</ul>");
                break;
            case Callout c:
                sb.Append("<p class=\"warn\">⚠️ ").Append(Inlines(c.Content)).Append("</p>");
                break;
            case KeyValueTable kv:
                sb.Append("<table class=\"").Append(kv.CssClass).AppendLine("\">");
                foreach (var (key, value) in kv.Rows)
                {
                    sb.Append("<tr><td>").Append(E(key)).Append("</td><td>").Append(E(value)).AppendLine("</td></tr>");
                }

                sb.Append("</table>");
                break;
            case Table t:
                WriteTable(sb, t);
                break;
            case Raw r:
                sb.Append(r.Text);
                break;
            default:
                throw new ArgumentException($"no HTML for {block.GetType().Name}", nameof(block));
        }
    }

    private static void WriteTable(StringBuilder sb, Table t)
    {
        sb.Append("<table>");
        if (t.Caption is { } caption)
        {
            sb.Append("<caption>").Append(E(caption)).Append("</caption>");
        }

        sb.AppendLine("<tr>");
        foreach (var h in t.Header)
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

        sb.Append("</table>");
    }

    private static string Inlines(IEnumerable<Inline> content) => string.Concat(content.Select(c => c.Style switch
    {
        InlineStyle.Bold => "<b>" + E(c.Text) + "</b>",
        InlineStyle.Code => "<code>" + E(c.Text) + "</code>",
        _ => E(c.Text),
    }));

    private static string E(string s) => HtmlReport.E(s);
}
