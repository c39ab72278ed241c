using System.Globalization;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Cli.Output;

/// <summary>The end-of-run table: median of each startup phase per mode, and each mode's total over host's.</summary>
internal static class StartupTable
{
    private static readonly string[] Phases = ["create", "start", "ready", "exit", "remove", "total"];

    public static void Write(TextWriter output, IReadOnlyList<Sample> samples)
    {
        var startup = samples.Where(s => s.Workload == "startup").ToList();
        if (startup.Count == 0)
        {
            return;
        }

        var modes = startup.Select(s => s.Mode).Distinct().ToList();
        var hostTotal = Median(startup, "host", "total");
        output.WriteLine();
        output.WriteLine("startup, median ms      " + string.Concat(Phases.Select(p => p.PadLeft(9))) + "   ×host    n  failed");
        foreach (var mode in modes)
        {
            var cells = Phases.Select(p => Median(startup, mode, p) is { } m ? m.ToString("0.00", CultureInfo.InvariantCulture).PadLeft(9) : "        -");
            var total = Median(startup, mode, "total");
            var ratio = total is { } t && hostTotal is { } h && h > 0 ? (t / h).ToString("0.00", CultureInfo.InvariantCulture) + "×" : "-";
            var n = startup.Count(s => s.Mode == mode && s.Metric == "total" && s.IsOk);
            var failed = startup.Count(s => s.Mode == mode && s.Metric == "total" && !s.IsOk);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {mode,-22}{string.Concat(cells)} {ratio,7} {n,4} {failed,7}"));
        }

        output.WriteLine();
    }

    internal static double? Median(IEnumerable<Sample> samples, string mode, string metric)
    {
        var values = samples.Where(s => s.Mode == mode && s.Metric == metric && s.IsOk).Select(s => s.Value).ToArray();
        return values.Length == 0 ? null : Descriptive.Median(values);
    }
}
