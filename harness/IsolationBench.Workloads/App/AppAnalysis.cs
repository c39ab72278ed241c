using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Reporting;
using IsolationBench.Results;

namespace IsolationBench.Workloads.App;

/// <summary>One mode's app figures: each metric's row (median of the containers, its interval) and which client path it took.</summary>
public sealed record AppModeRow(string Mode, string ClientPath, IReadOnlyDictionary<string, MetricRow> Metrics)
{
    public MetricRow? this[string metric] => Metrics.GetValueOrDefault(metric);
}

/// <summary>
/// The app workload of a run, from its rows: pure. The client path is read from the data, not from the engine: a host
/// mode's service ran on the host; a mode with <see cref="AppMetrics.ClientUp"/> samples had its client inside the
/// container; any other container mode was measured from the host through a published port.
/// </summary>
public sealed record AppAnalysis(IReadOnlyList<AppModeRow> Rows)
{
    public const string HostLoopback = "host loopback (client and service on the host)";
    public const string PublishedPort = "host → published port on 127.0.0.1";
    public const string InContainer = "inside the container, over its loopback";

    public bool IsEmpty => Rows.Count == 0;

    public static AppAnalysis From(RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var rows = new List<AppModeRow>();
        foreach (var mode in analysis.Modes)
        {
            var metrics = analysis.RowsOf(AppMetrics.Workload).Where(r => r.Mode == mode && r.Statistics.Units > 0).ToDictionary(r => r.Metric, StringComparer.Ordinal);
            if (metrics.Count == 0)
            {
                continue;
            }

            rows.Add(new AppModeRow(mode, PathOf(analysis.IsHostLike(mode), metrics.ContainsKey(AppMetrics.ClientUp)), metrics));
        }

        return new AppAnalysis(rows);
    }

    public static string PathOf(bool hostLike, bool hasClientUp) =>
        hostLike ? HostLoopback : hasClientUp ? InContainer : PublishedPort;
}
