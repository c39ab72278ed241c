using IsolationBench.Results;
namespace IsolationBench.Workloads.App;

/// <summary>
/// The app workload's metrics, one sample each per container (or host process): the ASP.NET Core service's cold start
/// to its first response, split into phases that add up to the total, and a steady closed-loop load against it. The
/// one definition; the harness writes these and the reports read them.
/// </summary>
public static class AppMetrics
{
    public const string Workload = "app";

    public const string Microseconds = "us";

    public const string RequestsPerSecond = "req/s";

    /// <summary>Create → start returned, as the engine path counts it (host: the spawn itself).</summary>
    public const string EngineStart = "app.engine_start";

    /// <summary>Client inside the container only: start returned → the in-container client's first line (its own runtime start).</summary>
    public const string ClientUp = "app.client_up";

    /// <summary>The service's runtime start: start returned (in-container path: the client up) → its ready line (Kestrel listens).</summary>
    public const string ProcessUp = "app.process_up";

    /// <summary>Ready line → the first 200 answer of GET /json (the first request's own cost: routing, JSON, JIT).</summary>
    public const string FirstResponse = "app.first_response";

    /// <summary>Create → first response: the sum of the phases above, one clock (the harness's).</summary>
    public const string ColdStartTotal = "app.cold_start_total";

    /// <summary>Completed requests per second of wall time under the steady closed-loop load.</summary>
    public const string Throughput = "app.requests_per_s";

    /// <summary>Median request latency under the load: request written → whole response read, by the client.</summary>
    public const string LatencyP50 = "app.latency_p50";

    /// <summary>99th percentile of the same latencies.</summary>
    public const string LatencyP99 = "app.latency_p99";

    /// <summary>The cold-start phases in order; their sum is <see cref="ColdStartTotal"/> (a phase a path does not have is absent, not zero).</summary>
    public static readonly IReadOnlyList<string> Phases = [EngineStart, ClientUp, ProcessUp, FirstResponse];

    /// <summary>The folder of the run directory that keeps every container's latency histogram (<c>&lt;mode&gt;-r&lt;round&gt;-&lt;source&gt;.csv</c>).</summary>
    public const string HistogramFolder = "app";

    public static readonly IReadOnlyList<MetricDescriptor> Descriptors =
    [
        new(Workload, ColdStartTotal, "cold start to first response (create → first 200)", Units.Milliseconds, MetricDirection.LowerIsBetter),
        new(Workload, EngineStart, "engine start (create + start)", Units.Milliseconds, MetricDirection.LowerIsBetter),
        new(Workload, ClientUp, "in-container client's own start", Units.Milliseconds, MetricDirection.LowerIsBetter),
        new(Workload, ProcessUp, "service process up (ready line)", Units.Milliseconds, MetricDirection.LowerIsBetter),
        new(Workload, FirstResponse, "first response (ready → first 200)", Units.Milliseconds, MetricDirection.LowerIsBetter),
        new(Workload, Throughput, "requests per second, 8 connections closed loop", RequestsPerSecond, MetricDirection.HigherIsBetter),
        new(Workload, LatencyP50, "request latency p50 under load", Microseconds, MetricDirection.LowerIsBetter),
        new(Workload, LatencyP99, "request latency p99 under load", Microseconds, MetricDirection.LowerIsBetter),
    ];
}
