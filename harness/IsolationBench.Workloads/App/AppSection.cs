using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Reporting;
using IsolationBench.Results;

namespace IsolationBench.Workloads.App;

/// <summary>What the app section says beside its charts: the topology and client path per mode, what is measured, and its table.</summary>
public static class AppSection
{
    public const string Method =
        "The service is isobench-guest serve-app, a minimal ASP.NET Core app on Kestrel (GET /json serializes a small object; GET /file reads a 4 KiB file written at start into its temp directory, in a container its own layer). It runs with the guest's settings, tiered compilation off, so its first response includes JIT compiling fully optimised code, in every mode alike. "
        + "Cold start, one container per round, on the harness's clock: engine start (create + attach + start returned; host: the spawn), [in-container client's own start], process up (its ready line: Kestrel listens), first response (ready → the first 200 of GET /json); the phases add up to the total. "
        + "Steady load: 8 closed-loop workers, each on its own keep-alive connection (raw-socket HTTP/1.1 on a thread of its own, no HttpClient pooling in the timed path), alternating GET /json and GET /file; a request's latency is request written → whole response read. "
        + "Through a published port on Linux a connection to 127.0.0.1 passes the engine's bridge and its userland proxy (docker-proxy), as in the network-host section: a ratio on that path is what the cage and its network path cost together. "
        + "Every request's latency is kept per container in app/<mode>-r<round>-<container>.csv (log-linear buckets, ≤ 0.8 % wide).";

    public static IReadOnlyList<string> Findings(RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var app = AppAnalysis.From(analysis);
        if (app.IsEmpty)
        {
            return [];
        }

        return
        [
            Method,
            "Client path per mode: " + string.Join("; ", app.Rows.Select(r => $"{r.Mode}: {r.ClientPath}")) + ". "
                + "A mode whose client ran inside the container pays its client's start in the cold start (the app.client_up phase) and its load is measured by a client that shares the cage's CPUs with the service; its figures compare with the others' as what a user of that mode would see, not as the same topology.",
        ];
    }

    public static IReadOnlyList<SectionTable> Tables(RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var app = AppAnalysis.From(analysis);
        if (app.IsEmpty)
        {
            return [];
        }

        IReadOnlyList<string> metrics = [AppMetrics.EngineStart, AppMetrics.ClientUp, AppMetrics.ProcessUp, AppMetrics.FirstResponse, AppMetrics.ColdStartTotal, AppMetrics.Throughput, AppMetrics.LatencyP50, AppMetrics.LatencyP99];
        return
        [
            new SectionTable(
                "App: median over containers [95 % interval]; cold start in ms, load in req/s and µs",
                ["mode", "client path", "engine start", "client up", "process up", "first response", "cold start total", "req/s", "p50 µs", "p99 µs", "containers"],
                [.. app.Rows.Select(r => (IReadOnlyList<string>)
                [
                    r.Mode,
                    r.ClientPath,
                    .. metrics.Select(m => Cell(r[m])),
                    r[AppMetrics.ColdStartTotal]?.Statistics.Units.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                ])]),
        ];
    }

    /// <summary>Why an app row has no ratio: a host's engine start is its spawn, a container's create + start (app's <see cref="ComparabilityRule"/>).</summary>
    public static string? NotComparable(string metric, string mode, string other, Func<string, bool> hostLike)
    {
        ArgumentNullException.ThrowIfNull(hostLike);
        return metric == AppMetrics.EngineStart && (hostLike(mode) || hostLike(other))
            ? "a host process's engine start is its spawn, a container's is the engine's create + start"
            : null;
    }

    public static string Cell(MetricRow? row) =>
        row is null || !double.IsFinite(row.Statistics.Median) ? "-" : $"{Fmt.Value(row.Statistics.Median)} [{Fmt.Interval(row.Statistics.MedianCi, Fmt.Value)}]";
}
