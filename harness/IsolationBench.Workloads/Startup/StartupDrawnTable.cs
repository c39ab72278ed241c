using System.Globalization;
using IsolationBench.Reporting.Statistics;
using Spectre.Console;

namespace IsolationBench.Workloads.Startup;

/// <summary>Startup's table drawn on a rich terminal: median per phase, the total's overhead coloured by its verdict.</summary>
internal static class StartupDrawnTable
{
    /// <summary>Startup's drawn table.</summary>
    public static void Draw(IAnsiConsole console, RunAnalysis analysis) => Draw(console, analysis, StartupWorkloads.Startup);

    internal static void Draw(IAnsiConsole console, RunAnalysis analysis, string workload)
    {
        var phases = StartupComparability.ReportedOrder.Where(p => analysis.MetricsOf(workload).Contains(p)).ToList();
        if (phases.Count == 0)
        {
            return;
        }

        var table = new Table().Title($"{Markup.Escape(workload)}, median ms").AddColumn("mode");
        foreach (var phase in phases)
        {
            table.AddColumn(new TableColumn(Markup.Escape(phase)).RightAligned());
        }

        table.AddColumn($"total ×{Markup.Escape(analysis.Baseline)} (95 % CI)").AddColumn(new TableColumn("n").RightAligned()).AddColumn(new TableColumn("failed").RightAligned());
        foreach (var mode in analysis.Modes)
        {
            if (analysis.Row(workload, StartupComparability.Total, mode) is not { } total)
            {
                continue;
            }

            var cells = phases.Select(p => analysis.Row(workload, p, mode) is { } r && double.IsFinite(r.Statistics.Median)
                ? r.Statistics.Median.ToString("0.00", CultureInfo.InvariantCulture)
                : "-");
            var failed = total.Statistics.NFailed > 0 ? $"[red]{total.Statistics.NFailed.ToString(CultureInfo.InvariantCulture)}[/]" : "0";
            table.AddRow([Markup.Escape(mode), .. cells, total.IsBaseline ? "[grey]baseline[/]" : ConsoleText.Verdict(total.Comparison), total.Statistics.N.ToString(CultureInfo.InvariantCulture), failed]);
        }

        console.WriteLine();
        console.Write(table);
    }
}
