using IsolationBench.Reporting.Findings;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting;
using IsolationBench.Results.BenchmarkDotNet;
using IsolationBench.Results;
using static IsolationBench.Reporting.Output.Fmt;

namespace IsolationBench.Workloads.Guest;

/// <summary>
/// What the report says about the network figures before any verdict: whether iperf3, run over 127.0.0.1 in the same
/// container with the same write size, agrees with our TCP bulk figure, per mode, paired by container. A (metric, mode)
/// beyond <see cref="Iperf3Tolerance"/> gets a refusal instead of a verdict, as io's figures do against fio; iperf3's own
/// rows are the referee, never a result (kept out of verdicts and charts). Pure: reads the analysis.
/// </summary>
public sealed record NetworkFindings(IReadOnlyList<string> Lines, IReadOnlyDictionary<(string Metric, string Mode), string> Refusals)
{
    public const string Workload = "network";

    /// <summary>Ours and iperf3's medians may differ by this much (relative to iperf3) before our figure is not trusted.</summary>
    public const double Iperf3Tolerance = 0.15;

    public static NetworkFindings Empty { get; } = new([], new Dictionary<(string, string), string>());

    public static bool IsIperf3(string metric) => metric.StartsWith(Iperf3ReportConverter.MetricPrefix, StringComparison.Ordinal);

    public static NetworkFindings From(RunAnalysis a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!a.Workloads.Contains(Workload))
        {
            return Empty;
        }

        var lines = new List<string>();
        var refusals = new Dictionary<(string, string), string>();
        var metrics = a.MetricsOf(Workload);
        var others = a.Modes.Where(m => m != a.Baseline).ToList();
        foreach (var metric in metrics.Where(m => !IsIperf3(m) && metrics.Contains(Iperf3ReportConverter.MetricPrefix + m)))
        {
            var iperf3 = Iperf3ReportConverter.MetricPrefix + metric;
            var pairs = a.Modes.Select(m => (Mode: m, Ours: a.Row(Workload, metric, m)?.Statistics.Median, Iperf3: a.Row(Workload, iperf3, m)?.Statistics.Median))
                .Where(p => p.Ours is { } o && double.IsFinite(o) && p.Iperf3 is { } f && double.IsFinite(f) && f > 0).ToList();
            var agreement = pairs.ToDictionary(p => p.Mode, p => Iperf3Agreement.Of(a.Samples, Workload, metric, iperf3, p.Mode, p.Ours!.Value, p.Iperf3!.Value), StringComparer.Ordinal);
            if (pairs.Count > 0)
            {
                lines.Add($"{metric} against iperf3 (-l 64K over 127.0.0.1 in the same container; medians, MB/s; difference and 95 % CI paired by container; beyond ±{Percent(Iperf3Tolerance)} no verdict): "
                    + string.Join("; ", pairs.Select(p => $"{p.Mode} ours {Value(p.Ours!.Value)} vs iperf3 {Value(p.Iperf3!.Value)} ({agreement[p.Mode].Describe()})")));
            }

            var without = a.Modes.Where(m => a.Row(Workload, metric, m) is not null && !agreement.ContainsKey(m)).ToList();
            if (without.Count > 0)
            {
                lines.Add($"{metric}: no iperf3 figure for {string.Join(", ", without)} ({WhyNoIperf3(a)})");
            }

            foreach (var mode in others)
            {
                if (agreement.TryGetValue(a.Baseline, out var b) && !b.Agrees)
                {
                    refusals.TryAdd((metric, mode), $"{a.Baseline} (baseline) {b.Refusal()}");
                }
                else if (agreement.TryGetValue(mode, out var d) && !d.Agrees)
                {
                    refusals.TryAdd((metric, mode), d.Refusal());
                }
            }
        }

        return new NetworkFindings(lines, refusals);
    }

    private static string Percent(double fraction) =>
        (fraction * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " %";

    private static string WhyNoIperf3(RunAnalysis a) =>
        string.Equals(a.Manifest.Engine?.OsType, "windows", StringComparison.OrdinalIgnoreCase) || string.Equals(a.Manifest.Host.Os, "windows", StringComparison.OrdinalIgnoreCase)
            ? "the Windows guest has no iperf3"
            : "iperf3 did not run or failed there: its note is in the container's artifacts, iperf3/*.txt";
}
