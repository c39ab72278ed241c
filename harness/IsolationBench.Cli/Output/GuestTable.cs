using System.Globalization;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Cli.Output;

/// <summary>The end-of-run table for the workloads without a table of their own (<see cref="ConsoleTables"/>), from the report's own analysis: per metric, each mode's median and overhead against the baseline.</summary>
internal static class GuestTable
{
    private const int Width = 30;

    /// <summary>The cell text of a comparison the report refuses to judge.</summary>
    internal const string NoVerdict = "no verdict";

    public static void Write(TextWriter output, Reporting.Analysers.JudgedAnalysis judged, IReadOnlyList<string> workloads)
    {
        if (workloads.Count == 0)
        {
            return;
        }

        var analysis = judged.Analysis;
        output.WriteLine($"{$"guest, median (overhead ×{analysis.Baseline})",-44}" + string.Concat(analysis.Modes.Select(m => m.PadLeft(Width))));
        foreach (var workload in workloads)
        {
            foreach (var metric in analysis.MetricsOf(workload))
            {
                var unit = analysis.RowsOf(workload).First(r => r.Metric == metric).Unit;
                var cells = analysis.Modes.Select(mode =>
                {
                    var row = analysis.Row(workload, metric, mode);
                    if (row is null || !double.IsFinite(row.Statistics.Median))
                    {
                        return (row is { Statistics.NFailed: > 0 } ? $"failed ×{row.Statistics.NFailed}" : "-").PadLeft(Width);
                    }

                    var ratio = row.IsBaseline ? string.Empty
                        : judged.RefusalOf(row) is not null ? " " + NoVerdict
                        : " " + IsolationBench.Workloads.ConsoleText.Overhead(row.Comparison);
                    return (Format(row.Statistics.Median) + ratio).PadLeft(Width);
                });
                output.WriteLine($"  {workload + " " + metric + " [" + unit + "]",-42}{string.Concat(cells)}");
            }
        }

        output.WriteLine("  (* significant; ? fewer than " + Significance.MinUnits.ToString(CultureInfo.InvariantCulture) + " containers per mode: interval shown, no verdict)");
        output.WriteLine();
    }

    internal static string Format(double value) => value switch
    {
        >= 100_000 => value.ToString("0.00e0", CultureInfo.InvariantCulture),
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
