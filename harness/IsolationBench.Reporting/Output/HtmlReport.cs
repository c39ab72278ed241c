using System.Net;
using System.Text;

namespace IsolationBench.Reporting.Output;

/// <summary>index.html: the report's document rendered as one self-contained page (<see cref="Document.HtmlRenderer"/>); the page head every page of the suite shares.</summary>
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

    public static string Render(ReportContent c) => Document.HtmlRenderer.Render(Document.ReportDocumentBuilder.From(c));

    internal static string E(string s) => WebUtility.HtmlEncode(s);
}
