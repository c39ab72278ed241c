using IsolationBench.Reporting.Analysers;
using IsolationBench.Reporting.Charts;
using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.Exporters;

/// <summary>The overview, each workload's overhead chart and each workload's own charts, from the judged rows only (no referee, no refused bar).</summary>
public sealed class ChartsExporter : IExporter
{
    public Task<ExportResult> ExportAsync(JudgedAnalysis judged, ExportContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(judged);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.WriteCharts)
        {
            return Task.FromResult(ExportResult.None);
        }

        var files = new List<string>();
        var charts = new List<string>();
        foreach (var (name, render) in Jobs(judged.ForVerdicts))
        {
            ct.ThrowIfCancellationRequested();
            var written = render(context.OutputDirectory);
            if (written.Count > 0)
            {
                files.AddRange(written);
                charts.Add(name);
            }
        }

        return Task.FromResult(new ExportResult { Files = files, Charts = charts });
    }

    private static IEnumerable<(string Name, Func<string, IReadOnlyList<string>> Render)> Jobs(RunAnalysis a)
    {
        yield return (ChartNames.Overview, dir => OverviewChart.Render(a, dir));
        foreach (var workload in a.Workloads)
        {
            yield return (ChartNames.Overhead(workload), dir => OverheadChart.Render(a, workload, dir));
        }

        foreach (var chart in a.Workloads.SelectMany(w => Workloads.WorkloadReports.ChartsOf(a.Parts, w)))
        {
            yield return (chart.Name, dir => chart.Render(a, dir));
        }
    }
}
