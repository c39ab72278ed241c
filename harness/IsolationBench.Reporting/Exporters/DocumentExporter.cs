using IsolationBench.Reporting.Analysers;
using IsolationBench.Reporting.Output.Document;
using IsolationBench.Reporting.Output;

namespace IsolationBench.Reporting.Exporters;

/// <summary>report.md and index.html: one document built from the judged analysis, rendered twice.</summary>
public sealed class DocumentExporter : IExporter
{
    public async Task<ExportResult> ExportAsync(JudgedAnalysis judged, ExportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(judged);
        ArgumentNullException.ThrowIfNull(context);
        var content = ReportContent.From(judged, [.. judged.Warnings, .. context.Warnings], context.Charts) with
        {
            Trends = context.Trends,
            Resources = ResourcesSection.Markdown(judged.Analysis.Manifest),
            EngineBench = CrossCheck.EngineBenchSection.Load(judged.RunPath, judged.Analysis, judged.AllSamples),
        };
        var document = ReportDocumentBuilder.From(content);
        var md = Path.Combine(context.OutputDirectory, ReportFiles.Markdown);
        await File.WriteAllTextAsync(md, MarkdownRenderer.Render(document), ct).ConfigureAwait(false);
        var html = Path.Combine(context.OutputDirectory, ReportFiles.Html);
        await File.WriteAllTextAsync(html, HtmlRenderer.Render(document), ct).ConfigureAwait(false);
        return new ExportResult { Files = [md, html] };
    }
}
