using IsolationBench.Reporting.Analysers;
using IsolationBench.Reporting.Output;

namespace IsolationBench.Reporting.Exporters;

/// <summary>summary.csv (<see cref="SummaryCsv"/>): its significant and not_judged are the report's.</summary>
public sealed class SummaryCsvExporter : IExporter
{
    public async Task<ExportResult> ExportAsync(JudgedAnalysis judged, ExportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = Path.Combine(context.OutputDirectory, ReportFiles.Summary);
        await SummaryCsv.WriteAsync(judged, path, ct).ConfigureAwait(false);
        return new ExportResult { Files = [path] };
    }
}
