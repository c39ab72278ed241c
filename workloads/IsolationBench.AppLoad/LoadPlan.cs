namespace IsolationBench.AppLoad;

/// <summary>The steady load: closed-loop workers, each on its own keep-alive connection, for a fixed time.</summary>
public sealed record LoadPlan(int Concurrency, TimeSpan Duration)
{
    public const int DefaultConcurrency = 8;

    /// <summary>The profile's plan (quick ~3 s, default 10 s); the container is the unit, one load per container.</summary>
    public static LoadPlan For(string profile) => profile switch
    {
        "quick" => new LoadPlan(DefaultConcurrency, TimeSpan.FromSeconds(3)),
        _ => new LoadPlan(DefaultConcurrency, TimeSpan.FromSeconds(10)),
    };
}

/// <summary>What one steady load measured: completed requests (errors end a worker and are counted apart), its wall time, every latency.</summary>
public sealed record LoadResult(long Requests, long Errors, TimeSpan Elapsed, LatencyHistogram Latencies)
{
    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Requests / Elapsed.TotalSeconds : double.NaN;
}
