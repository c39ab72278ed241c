using IsolationBench.Reporting.Analysers;
using IsolationBench.Reporting.Export;

namespace IsolationBench.Reporting.Exporters;

/// <summary>github-action-benchmark's two JSON files (<see cref="BenchmarkActionExport"/>).</summary>
public sealed class BenchmarkActionExporter : IExporter
{
    public Task<ExportResult> ExportAsync(JudgedAnalysis judged, ExportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(new ExportResult { Files = BenchmarkActionExport.Write(judged, context.OutputDirectory) });
    }
}
