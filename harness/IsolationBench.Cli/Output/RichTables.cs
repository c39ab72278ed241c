using System.Globalization;
using IsolationBench.Reporting.Analysers;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Workloads.Startup;
using IsolationBench.Workloads;
using Spectre.Console;

namespace IsolationBench.Cli.Output;

/// <summary>
/// The end-of-run tables on a terminal, drawn by Spectre.Console from the same analysis and the same cell texts as the
/// plain tables (<see cref="ConsoleTables"/>), with the verdict in colour: red a significant cost, green a significant
/// gain, grey an interval without a verdict. Workloads with no drawn form here print their plain table.
/// </summary>
internal static class RichTables
{
    public static void Write(IAnsiConsole console, JudgedAnalysis judged)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(judged);
        var shown = judged.WithRefusedWithheld();
        foreach (var table in ConsoleTables.Own)
        {
            if (table.Draw is { } draw)
            {
                draw(console, shown);
            }
            else
            {
                ConsoleText.Plain(console, shown, table.Write);
            }
        }

        Guest(console, judged, ConsoleTables.Generic(judged));
        using var refusals = new StringWriter(CultureInfo.InvariantCulture);
        ConsoleTables.WriteRefusals(refusals, judged);
        console.Write(new Text(refusals.ToString()));
    }

    private static void Guest(IAnsiConsole console, JudgedAnalysis judged, IReadOnlyList<string> workloads)
    {
        if (workloads.Count == 0)
        {
            return;
        }

        var analysis = judged.Analysis;
        var table = new Table().Title($"guest, median (overhead ×{Markup.Escape(analysis.Baseline)})").AddColumn("metric");
        foreach (var mode in analysis.Modes)
        {
            table.AddColumn(new TableColumn(Markup.Escape(mode)).RightAligned());
        }

        foreach (var workload in workloads)
        {
            foreach (var metric in analysis.MetricsOf(workload))
            {
                var unit = analysis.RowsOf(workload).First(r => r.Metric == metric).Unit;
                var cells = analysis.Modes.Select(mode => Cell(judged, analysis.Row(workload, metric, mode)));
                table.AddRow([Markup.Escape($"{workload} {metric} [{unit}]"), .. cells]);
            }
        }

        table.Caption("[grey]* significant; ? fewer than " + Significance.MinUnits.ToString(CultureInfo.InvariantCulture) + " containers per mode: interval shown, no verdict[/]");
        console.WriteLine();
        console.Write(table);
    }

    private static string Cell(JudgedAnalysis judged, MetricRow? row)
    {
        if (row is null || !double.IsFinite(row.Statistics.Median))
        {
            return row is { Statistics.NFailed: > 0 } ? $"[red]failed ×{row.Statistics.NFailed.ToString(CultureInfo.InvariantCulture)}[/]" : "-";
        }

        var median = GuestTable.Format(row.Statistics.Median);
        return row.IsBaseline ? median
            : judged.RefusalOf(row) is not null ? $"{median} [grey]{GuestTable.NoVerdict}[/]"
            : median + " " + ConsoleText.Verdict(row.Comparison);
    }
}
