using System.Globalization;
using IsolationBench.Reporting.Analysers;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Workloads.Startup;
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
                Plain(console, shown, table.Write);
            }
        }

        Guest(console, judged, ConsoleTables.Generic(judged));
        using var refusals = new StringWriter(CultureInfo.InvariantCulture);
        ConsoleTables.WriteRefusals(refusals, judged);
        console.Write(new Text(refusals.ToString()));
    }

    internal static void Plain(IAnsiConsole console, RunAnalysis analysis, Action<TextWriter, RunAnalysis> write)
    {
        using var plain = new StringWriter(CultureInfo.InvariantCulture);
        write(plain, analysis);
        console.Write(new Text(plain.ToString()));
    }

    /// <summary>Startup's drawn table.</summary>
    public static void Startup(IAnsiConsole console, RunAnalysis analysis) => Startup(console, analysis, RunAnalysis.StartupWorkload);

    internal static void Startup(IAnsiConsole console, RunAnalysis analysis, string workload)
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
            table.AddRow([Markup.Escape(mode), .. cells, total.IsBaseline ? "[grey]baseline[/]" : Verdict(total.Comparison), total.Statistics.N.ToString(CultureInfo.InvariantCulture), failed]);
        }

        console.WriteLine();
        console.Write(table);
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
            : median + " " + Verdict(row.Comparison);
    }

    /// <summary>The plain table's overhead text, coloured by its verdict.</summary>
    internal static string Verdict(BaselineComparison? comparison)
    {
        var text = Markup.Escape(StartupTable.Overhead(comparison));
        return comparison switch
        {
            null => text,
            { Withheld: not null } => $"[grey]{text}[/]",
            { Significant: true, Overhead: > 1 } => $"[red]{text}[/]",
            { Significant: true } => $"[green]{text}[/]",
            _ => text,
        };
    }
}
