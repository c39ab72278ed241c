using IsolationBench.Reporting.Analysers;
using IsolationBench.Reporting.History;

namespace IsolationBench.Reporting.Exporters;

/// <summary>Appends this run's judged rows to a history (atomic, idempotent per run id) and charts every workload's trend.</summary>
public sealed class HistoryExporter(string historyPath) : IExporter
{
    public Task<ExportResult> ExportAsync(JudgedAnalysis judged, ExportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(judged);
        ArgumentNullException.ThrowIfNull(context);
        var (append, files, trends) = HistoryReport.AppendAndChart(judged, judged.RunPath, historyPath, context.OutputDirectory, context.WriteCharts, ct);
        return Task.FromResult(new ExportResult
        {
            Files = [.. files, append.Path],
            Trends = trends,
            Warnings = append.AlreadyPresent ? [append.Describe()] : [],
        });
    }
}
