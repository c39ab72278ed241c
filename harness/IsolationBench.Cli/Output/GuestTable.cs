using System.Globalization;
using IsolationBench.Results;

namespace IsolationBench.Cli.Output;

/// <summary>The end-of-run table for guest benchmarks: per metric, each mode's median and its ratio to host's.</summary>
internal static class GuestTable
{
    public static void Write(TextWriter output, IReadOnlyList<Sample> samples)
    {
        var guest = samples.Where(s => s.Workload != "startup").ToList();
        if (guest.Count == 0)
        {
            return;
        }

        var modes = guest.Select(s => s.Mode).Distinct().ToList();
        output.WriteLine($"{"guest, median (×host)",-44}" + string.Concat(modes.Select(m => m.PadLeft(22))));
        foreach (var group in guest.GroupBy(s => (s.Workload, s.Metric, s.Unit)).OrderBy(g => g.Key.Workload, StringComparer.Ordinal).ThenBy(g => g.Key.Metric, StringComparer.Ordinal))
        {
            var host = StartupTable.Median(group, "host", group.Key.Metric);
            var cells = modes.Select(mode =>
            {
                var median = StartupTable.Median(group, mode, group.Key.Metric);
                if (median is null)
                {
                    var failed = group.Count(s => s.Mode == mode && !s.IsOk);
                    return (failed > 0 ? $"failed ×{failed}" : "-").PadLeft(22);
                }

                var ratio = host is { } h && h != 0 && mode != "host" ? string.Create(CultureInfo.InvariantCulture, $" ({median.Value / h:0.00}×)") : string.Empty;
                return (Format(median.Value) + ratio).PadLeft(22);
            });
            output.WriteLine($"  {group.Key.Workload + " " + group.Key.Metric + " [" + group.Key.Unit + "]",-42}{string.Concat(cells)}");
        }

        output.WriteLine();
    }

    private static string Format(double value) => value switch
    {
        >= 100_000 => value.ToString("0.00e0", CultureInfo.InvariantCulture),
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
