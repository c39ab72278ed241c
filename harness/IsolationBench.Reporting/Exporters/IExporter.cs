using IsolationBench.Reporting.Analysers;

namespace IsolationBench.Reporting.Exporters;

/// <summary>Writes one output of a report from the judged analysis, and nothing but what the judged analysis says.</summary>
public interface IExporter
{
    /// <param name="judged">the analysis with every analyser's conclusions applied.</param>
    /// <param name="context">where to write, and what the exporters before this one made (charts, trends, warnings).</param>
    /// <param name="ct">cancels between files.</param>
    Task<ExportResult> ExportAsync(JudgedAnalysis judged, ExportContext context, CancellationToken ct);
}
