namespace IsolationBench.Results.Workloads;

/// <summary>
/// How a workload is sampled by default: <see cref="Strategy"/> "cold start" (one fresh container or process per
/// sample) or "throughput" (one container per round, many timed iterations inside it), with warm-ups and measured
/// rounds per mode. The matrix only interleaves; --samples, --warmup and --guest-rounds override the numbers.
/// </summary>
public sealed record SamplingPlan(string Strategy, int Warmup, int Rounds);
