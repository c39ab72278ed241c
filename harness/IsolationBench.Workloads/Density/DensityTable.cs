using System.Globalization;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Workloads.Density;

/// <summary>
/// The end-of-run density table, from the report's own <see cref="DensityAnalysis"/>: per mode the memory per container
/// (median over the ladder's steps, its interval in brackets), how far the ladder got, and the start latency at its top step.
/// </summary>
internal static class DensityTable
{
    public static void Write(TextWriter output, RunAnalysis analysis)
    {
        var d = DensityAnalysis.From(analysis);
        if (d.IsEmpty)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"density, MiB/container {"PSS",22} {"MemAvailable drop",22} {"cgroup charge",22} {"reached",8}   start p50/p95 ms at top step");
        foreach (var mode in analysis.Modes)
        {
            var f = d.Footprints.FirstOrDefault(x => x.Mode == mode);
            var top = d.Latency.Where(l => l.Mode == mode).MaxBy(l => l.Alive);
            if (f is null && top is null)
            {
                continue;
            }

            var latency = top is null ? "-" : Invariant($"{Fmt.Value(top.P50)}/{Fmt.Value(top.P95)} (N={top.Alive})");
            output.WriteLine(Invariant(
                $"  {mode,-20}{Cell(f?.Pss),22} {Cell(f?.AvailableDrop),22} {Cell(f?.Charge),22} {f?.Reached.ToString(CultureInfo.InvariantCulture) ?? "-",8}   {latency}"));
        }

        output.WriteLine("  (median over the ladder's steps, all rounds; in brackets its order-statistic interval, [min, max] below 6 steps)");
        WriteLaunch(output, analysis, d);
        output.WriteLine();
    }

    private static void WriteLaunch(TextWriter output, RunAnalysis analysis, DensityAnalysis d)
    {
        var ks = d.Launch.Select(l => l.Concurrency).Distinct().Order().ToList();
        if (ks.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"launch, containers/s    {string.Concat(ks.Select(k => Invariant($"K={k}").PadLeft(24)))}");
        foreach (var mode in analysis.Modes.Where(m => d.Launch.Any(l => l.Mode == m)))
        {
            var cells = ks.Select(k => d.Launch.FirstOrDefault(l => l.Mode == mode && l.Concurrency == k) is { } l
                ? Invariant($"{Fmt.Value(l.Throughput)} ({Fmt.Value(l.P50)}/{Fmt.Value(l.P95)})").PadLeft(24)
                : "-".PadLeft(24));
            output.WriteLine($"  {mode,-22}{string.Concat(cells)}");
        }

        output.WriteLine("  (K launched at once: K / first create → last removal, median over rounds; in brackets p50/p95 ms of create → ready)");
    }

    private static string Cell(DensityEstimate? e) =>
        e is null || !double.IsFinite(e.Median) ? "-" : $"{Fmt.Value(e.Median)} ({Fmt.Interval(e.Ci, Fmt.Value)})";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
