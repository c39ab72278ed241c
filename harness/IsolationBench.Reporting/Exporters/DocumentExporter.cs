using IsolationBench.Reporting.Analysers;
using IsolationBench.Reporting.Output;

namespace IsolationBench.Reporting.Exporters;

/// <summary>report.md and index.html: the report's content built once from the judged analysis, then rendered by each.</summary>
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
        var md = Path.Combine(context.OutputDirectory, ReportFiles.Markdown);
        await File.WriteAllTextAsync(md, MarkdownReport.Render(content), ct).ConfigureAwait(false);
        var html = Path.Combine(context.OutputDirectory, ReportFiles.Html);
        await File.WriteAllTextAsync(html, HtmlReport.Render(content), ct).ConfigureAwait(false);
        return new ExportResult { Files = [md, html] };
    }
}
