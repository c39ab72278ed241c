using IsolationBench.Reporting.Charts;
using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.History;

/// <summary>The report's history hook: append this run's rows (atomic, idempotent), then chart every workload's trend.</summary>
public static class HistoryReport
{
    /// <returns>The append's outcome, the chart files written and the trend charts' base names.</returns>
    public static (HistoryAppendResult Append, IReadOnlyList<string> Files, IReadOnlyList<string> Charts) AppendAndChart(
        Analysers.JudgedAnalysis judged, string runDirectory, string historyPath, string outputDirectory, bool writeCharts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(judged);
        var analysis = judged.Analysis;
        var append = HistoryStore.Append(historyPath, HistoryRows.From(judged, runDirectory));
        var files = new List<string>();
        var charts = new List<string>();
        if (!writeCharts)
        {
            return (append, files, charts);
        }

        var history = HistoryStore.Read(historyPath);
        foreach (var workload in analysis.Workloads)
        {
            ct.ThrowIfCancellationRequested();
            // A workload whose verdict is its headline ("starts … slower") trends on that metric alone.
            var headline = analysis.PartOf(workload)?.HeadlineVerb is not null && analysis.DescriptorOf(workload) is { HeadlineMetric: { } metric } d ? (d.Title, metric) : ((string, string)?)null;
            var written = TrendChart.Render(history, workload, analysis.Baseline, outputDirectory, headline);
            if (written.Count > 0)
            {
                files.AddRange(written);
                charts.Add(TrendChart.Name(workload));
            }
        }

        return (append, files, charts);
    }
}
