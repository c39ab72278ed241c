using IsolationBench.Results;

namespace IsolationBench.Workloads.App;

/// <summary>The end-of-run app table, from the report's own <see cref="AppAnalysis"/>: per mode the cold start total and its largest phases, requests/s, p50/p99 and the client path.</summary>
internal static class AppTable
{
    public static void Write(TextWriter output, Reporting.Statistics.RunAnalysis analysis)
    {
        var app = AppAnalysis.From(analysis);
        if (app.IsEmpty)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"app, median [95 % interval]  {"cold start ms",-22}{"process up ms",-20}{"first resp. ms",-18}{"req/s",-24}{"p50 µs",-10}{"p99 µs",-10}client");
        foreach (var r in app.Rows)
        {
            output.WriteLine(
                $"  {r.Mode,-28}{AppSection.Cell(r[AppMetrics.ColdStartTotal]),-22}{Median(r, AppMetrics.ProcessUp),-20}{Median(r, AppMetrics.FirstResponse),-18}{AppSection.Cell(r[AppMetrics.Throughput]),-24}{Median(r, AppMetrics.LatencyP50),-10}{Median(r, AppMetrics.LatencyP99),-10}{r.ClientPath}");
        }

        output.WriteLine();
    }

    private static string Median(AppModeRow row, string metric) =>
        row[metric] is { } m ? Reporting.Output.Fmt.Value(m.Statistics.Median) : "-";
}
