using System.Globalization;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Workloads.Startup;

/// <summary>
/// The end-of-run startup table, from the report's own analysis: each phase's median per mode, and total's overhead
/// against the run's baseline with its 95 % CI ("?" marks an interval that may not decide: too few samples).
/// </summary>
internal static class StartupTable
{
    public static void Write(TextWriter output, RunAnalysis analysis) => Write(output, analysis, StartupWorkloads.Startup);

    /// <summary>The same table for another workload of startup phases (startup-runtime), headed by its name.</summary>
    public static void Write(TextWriter output, RunAnalysis analysis, string workload)
    {
        var phases = StartupComparability.ReportedOrder.Where(p => analysis.MetricsOf(workload).Contains(p)).ToList();
        if (phases.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"{workload + ", median ms",-24}{string.Concat(phases.Select(p => p.PadLeft(12)))}   total ×{analysis.Baseline} (95 % CI)        n  failed");
        foreach (var mode in analysis.Modes)
        {
            var total = analysis.Row(workload, StartupComparability.Total, mode);
            if (total is null)
            {
                continue;
            }

            var cells = phases.Select(p => analysis.Row(workload, p, mode) is { } r && double.IsFinite(r.Statistics.Median)
                ? r.Statistics.Median.ToString("0.00", CultureInfo.InvariantCulture).PadLeft(12)
                : "-".PadLeft(12));
            var ratio = total.IsBaseline ? "baseline" : ConsoleText.Overhead(total.Comparison);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {mode,-22}{string.Concat(cells)}   {ratio,-27}{total.Statistics.N,5} {total.Statistics.NFailed,7}"));
        }

        output.WriteLine();
    }
}
