using IsolationBench.Reporting.Output.Document;

namespace IsolationBench.Reporting.Output;

/// <summary>report.md (GitHub-flavoured): the report's document (<see cref="ReportDocumentBuilder"/>) rendered as Markdown.</summary>
public static class MarkdownReport
{
    public static string Render(ReportContent c) => MarkdownRenderer.Render(ReportDocumentBuilder.From(c));
}
