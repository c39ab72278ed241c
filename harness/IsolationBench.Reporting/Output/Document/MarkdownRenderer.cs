using System.Text;

namespace IsolationBench.Reporting.Output.Document;

/// <summary>A <see cref="ReportDocument"/> as GitHub-flavoured Markdown; charts are linked relatively (PNG, and SVG beside it).</summary>
public static class MarkdownRenderer
{
    public static string Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(document.Title).AppendLine();
        foreach (var block in document.Blocks)
        {
            Write(sb, block);
        }

        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Block block)
    {
        switch (block)
        {
            case Only { Format: DocumentFormat.Markdown } only:
                Write(sb, only.Block);
                break;
            case Only:
                break;
            case Heading h:
                sb.Append('#', h.Level).Append(' ').AppendLine(Escape(h.Text)).AppendLine();
                break;
            case Paragraph p:
                sb.AppendLine(p.Text).AppendLine();
                break;
            case Image i:
                sb.Append("![").Append(i.Name).Append("](").Append(i.Name).Append(".png) ([SVG](").Append(i.Name).AppendLine(".svg))").AppendLine();
                break;
            case ItemList list:
                foreach (var item in list.Items)
                {
                    sb.Append("- ").AppendLine(list.Verbatim ? string.Concat(item.Content.Select(c => c.Text)) : Inlines(item.Content));
                }

                sb.AppendLine();
                break;
            case Callout c:
                sb.Append("> ⚠️ ").AppendLine(Inlines(c.Content)).AppendLine();
                break;
            case KeyValueTable kv:
                sb.AppendLine("| | |").AppendLine("|---|---|");
                foreach (var (key, value) in kv.Rows)
                {
                    sb.Append("| ").Append(Escape(key)).Append(" | ").Append(Escape(value)).AppendLine(" |");
                }

                sb.AppendLine();
                break;
            case Table t:
                WriteTable(sb, t);
                break;
            case Raw r:
                sb.Append(r.Text);
                break;
            default:
                throw new ArgumentException($"no Markdown for {block.GetType().Name}", nameof(block));
        }
    }

    private static void WriteTable(StringBuilder sb, Table t)
    {
        if (t.Caption is { } caption)
        {
            sb.Append("**").Append(Escape(caption)).AppendLine("**").AppendLine();
        }

        sb.Append("| ").Append(string.Join(" | ", t.Header.Select(Escape))).AppendLine(" |");
        sb.Append('|').Append(string.Concat(t.Header.Select((_, i) => i == 0 ? "---|" : "---:|"))).AppendLine();
        foreach (var row in t.Rows)
        {
            sb.Append("| ").Append(string.Join(" | ", row.Select(Escape))).AppendLine(" |");
        }

        sb.AppendLine();
    }

    private static string Inlines(IEnumerable<Inline> content) => string.Concat(content.Select(c => c.Style switch
    {
        InlineStyle.Bold => "**" + Escape(c.Text) + "**",
        InlineStyle.Code => "`" + c.Text + "`",
        _ => Escape(c.Text),
    }));

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
