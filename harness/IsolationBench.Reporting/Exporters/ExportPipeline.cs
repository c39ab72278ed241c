namespace IsolationBench.Reporting.Exporters;

/// <summary>A report's exporters in the order they run: the figures first (charts, history's trends), then the documents that show them.</summary>
public static class ExportPipeline
{
    /// <param name="historyPath">when given, the run is appended to that history and its trends charted.</param>
    public static IReadOnlyList<IExporter> For(string? historyPath) =>
    [
        new ChartsExporter(),
        .. historyPath is null ? Array.Empty<IExporter>() : [new HistoryExporter(historyPath)],
        new BenchmarkActionExporter(),
        new DocumentExporter(),
        new SummaryCsvExporter(),
    ];
}
