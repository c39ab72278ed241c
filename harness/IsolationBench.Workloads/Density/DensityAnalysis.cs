using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Reporting;
using IsolationBench.Results;

namespace IsolationBench.Workloads.Density;

/// <summary>A median with its distribution-free interval (<see cref="MedianInterval"/>) over <see cref="Values"/> values.</summary>
public sealed record DensityEstimate(double Median, Interval Ci, int Values)
{
    public static DensityEstimate Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(values.Count == 0 ? double.NaN : Descriptive.Median([.. values]), MedianInterval.Of(values), values.Count);
    }
}

/// <summary>
/// One mode's memory per container: each estimate is over the per-container values of every ladder step of every
/// round (one value per step: N = 1, 2, 4, …). <see cref="Charge"/> is null for a host process (no cgroup).
/// </summary>
public sealed record DensityFootprint(string Mode, bool IsHost, DensityEstimate Pss, DensityEstimate AvailableDrop, DensityEstimate? Charge, int Reached)
{
    /// <summary>The page tables and kernel stacks of the same processes (kernel memory no PSS counts); null for runs made before it was read.</summary>
    public DensityEstimate? Kernel { get; init; }

    /// <summary>What the host pays (PSS) beyond what the container's cgroup is charged, per container; NaN without a charge.</summary>
    public double Uncharged => Charge is { } c ? Pss.Median - c.Median : double.NaN;
}

/// <summary>Host memory with N alive, in MiB in total (the per-container figure × N), median over rounds.</summary>
public sealed record DensityHostMemory(string Mode, int Alive, double AvailableDropMib, double PssMib);

/// <summary>
/// The start latency of the containers that took the ladder up to <see cref="Alive"/> (k in (previous step, Alive]),
/// pooled over rounds: <see cref="Count"/> starts, their p50 and p95 (type-7 quantiles).
/// </summary>
public sealed record DensityLatency(string Mode, int Alive, int Count, double P50, double P95);

/// <summary>
/// K launched at once: <see cref="Throughput"/> is the median over rounds of K / (first create → last removal)
/// (<see cref="Rounds"/> batches), p50/p95 of every launch's create → ready pooled over rounds (<see cref="Launches"/>).
/// </summary>
public sealed record DensityLaunch(string Mode, int Concurrency, double Throughput, int Rounds, int Launches, double P50, double P95);

/// <summary>The density workload's figures for the report, the charts and the console, computed once from a run's analysis. Pure.</summary>
public sealed record DensityAnalysis(
    IReadOnlyList<DensityFootprint> Footprints,
    IReadOnlyList<DensityHostMemory> HostMemory,
    IReadOnlyList<DensityLatency> Latency)
{
    /// <summary>Launch throughput by concurrency per mode; empty for runs made before launches were measured.</summary>
    public IReadOnlyList<DensityLaunch> Launch { get; init; } = [];

    public bool IsEmpty => Footprints.Count == 0 && Latency.Count == 0 && Launch.Count == 0;

    public static DensityAnalysis From(RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var samples = analysis.Samples.Where(s => s.Workload == DensityMetrics.Workload && RunAnalyzer.IsUsable(s)).ToList();
        var footprints = new List<DensityFootprint>();
        var hostMemory = new List<DensityHostMemory>();
        var latency = new List<DensityLatency>();
        var launch = new List<DensityLaunch>();
        foreach (var mode in analysis.Modes)
        {
            var ofMode = samples.Where(s => s.Mode == mode).ToList();
            if (ofMode.Count == 0)
            {
                continue;
            }

            IReadOnlyList<Sample> Of(string metric) => [.. ofMode.Where(s => s.Metric == metric)];
            var pss = Of(DensityMetrics.Pss);
            var drop = Of(DensityMetrics.AvailableDrop);
            var charge = Of(DensityMetrics.CgroupCharge);
            var reached = Of(DensityMetrics.Reached);
            if (pss.Count > 0 || drop.Count > 0)
            {
                footprints.Add(new DensityFootprint(
                    mode,
                    analysis.IsHostLike(mode),
                    DensityEstimate.Of([.. pss.Select(s => s.Value)]),
                    DensityEstimate.Of([.. drop.Select(s => s.Value)]),
                    charge.Count == 0 ? null : DensityEstimate.Of([.. charge.Select(s => s.Value)]),
                    reached.Count == 0 ? 0 : (int)reached.Max(s => s.Value))
                {
                    Kernel = Of(DensityMetrics.KernelMemory) is { Count: > 0 } kernel ? DensityEstimate.Of([.. kernel.Select(s => s.Value)]) : null,
                });
            }

            foreach (var alive in pss.Concat(drop).Select(s => s.Iteration).Distinct().Order())
            {
                double TotalMib(IReadOnlyList<Sample> series) =>
                    series.Where(s => s.Iteration == alive).Select(s => s.Value * alive).ToArray() is { Length: > 0 } v ? Descriptive.Median(v) : double.NaN;
                hostMemory.Add(new DensityHostMemory(mode, alive, TotalMib(drop), TotalMib(pss)));
            }

            latency.AddRange(LatencyBySteps(mode, Of(DensityMetrics.StartLatency), [.. pss.Concat(drop)]));
            var launches = Of(DensityMetrics.LaunchLatency);
            foreach (var batch in Of(DensityMetrics.LaunchThroughput).GroupBy(s => s.Iteration).OrderBy(g => g.Key))
            {
                var sorted = launches.Where(s => s.Iteration == batch.Key).Select(s => s.Value).Order().ToArray();
                launch.Add(new DensityLaunch(
                    mode, batch.Key, Descriptive.Median([.. batch.Select(s => s.Value)]), batch.Count(), sorted.Length,
                    Descriptive.QuantileOfSorted(sorted, 0.50), Descriptive.QuantileOfSorted(sorted, 0.95)));
            }
        }

        return new DensityAnalysis(footprints, hostMemory, latency) { Launch = launch };
    }

    /// <summary>
    /// Groups the k-th starts by the ladder step they belong to: the smallest step of their round's ladder with k ≤ step
    /// (a start after the last step read, e.g. the one that failed, goes to the next power of two).
    /// </summary>
    private static IEnumerable<DensityLatency> LatencyBySteps(string mode, IReadOnlyList<Sample> starts, IReadOnlyList<Sample> steps)
    {
        var ladders = steps.GroupBy(s => s.Round).ToDictionary(g => g.Key, g => g.Select(s => s.Iteration).Distinct().Order().ToList());
        int StepOf(Sample start)
        {
            var ladder = ladders.GetValueOrDefault(start.Round) ?? [];
            var step = ladder.FirstOrDefault(n => n >= start.Iteration);
            return step > 0 ? step : (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, start.Iteration));
        }

        return starts.GroupBy(StepOf).OrderBy(g => g.Key).Select(g =>
        {
            var sorted = g.Select(s => s.Value).Order().ToArray();
            return new DensityLatency(mode, g.Key, sorted.Length, Descriptive.QuantileOfSorted(sorted, 0.50), Descriptive.QuantileOfSorted(sorted, 0.95));
        });
    }
}
