using System.Globalization;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Workloads;
using IsolationBench.Reporting;
using IsolationBench.Results;

namespace IsolationBench.Workloads.Density;

/// <summary>The density section's findings, in words, from <see cref="DensityAnalysis"/>: what each figure is, and what it is over.</summary>
public static class DensitySection
{
    public const string IntervalText =
        "Memory per container is the median over the ladder's steps (one value per step, N = 1, 2, 4, … containers alive, every round's ladder pooled); "
        + "its interval is the distribution-free order-statistic interval of that median over those step values ([min, max] below 6 values, which covers less than 95 %). "
        + "The steps share their containers, so the interval shows how the figure moves with N, not the spread between independent ladders";

    public static IReadOnlyList<string> Findings(RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var d = DensityAnalysis.From(analysis);
        if (d.IsEmpty)
        {
            return [];
        }

        var lines = new List<string> { IntervalText };
        foreach (var f in d.Footprints)
        {
            lines.Add(Footprint(f, d.HostMemory.Where(p => p.Mode == f.Mode).MaxBy(p => p.Alive)));
        }

        var byMode = d.Footprints.ToDictionary(f => f.Mode, StringComparer.Ordinal);
        foreach (var f in d.Footprints)
        {
            if (BaselineRule.PairPartner(f.Mode, analysis.Modes) is { } partner && byMode.TryGetValue(partner, out var other))
            {
                lines.Add(Invariant($"{f.Mode} vs {partner}: {Fmt.Factor(f.Pss.Median / other.Pss.Median)}× the PSS per container, {Fmt.Factor(f.AvailableDrop.Median / other.AvailableDrop.Median)}× the MemAvailable drop (median over median)"));
            }
        }

        if (d.Latency.Count > 0)
        {
            lines.Add("Start latency (create → ready; host: spawn → ready line) by step: p50 and p95 of the starts that took the ladder from the previous step to N alive, pooled over rounds: "
                + string.Join("; ", d.Latency.GroupBy(l => l.Mode).Select(g => g.Key + " " + string.Join(", ", g.Select(l =>
                    Invariant($"N={l.Alive} {Fmt.Value(l.P50)}/{Fmt.Value(l.P95)} ms ({l.Count})"))))));
        }

        if (d.Launch.Count > 0)
        {
            lines.Add("Launch throughput: K create → ready → remove lifecycles launched at once, K / (first create → last removal), median over rounds; "
                + "latency p50/p95 of every launch's create → ready at that K, pooled over rounds: "
                + string.Join("; ", d.Launch.GroupBy(l => l.Mode).Select(g => g.Key + " " + string.Join(", ", g.Select(l =>
                    Invariant($"K={l.Concurrency} {Fmt.Value(l.Throughput)}/s ({Fmt.Value(l.P50)}/{Fmt.Value(l.P95)} ms)"))))));
        }

        return lines;
    }

    private static string Footprint(DensityFootprint f, DensityHostMemory? top)
    {
        var text = Invariant($"{f.Mode}{(f.IsHost ? " (host process)" : string.Empty)}: PSS {Estimate(f.Pss)}, MemAvailable drop {Estimate(f.AvailableDrop)}");
        if (f.Kernel is { } kernel)
        {
            text += Invariant($", page tables and kernel stacks {Estimate(kernel)} (no PSS counts them: PSS + these = {Fmt.Value(f.Pss.Median + kernel.Median)} MiB/container)");
        }

        text += f.Charge is { } charge
            ? Invariant($", cgroup charge {Estimate(charge)}. Cgroup charge vs what the host pays: the container is charged {Fmt.Value(charge.Median)} MiB, the host pays {Fmt.Value(f.Pss.Median)} MiB (PSS), {Fmt.Value(f.Uncharged)} MiB per container charged to no container")
            : "; no cgroup: nothing is charged";
        if (top is not null && double.IsFinite(top.PssMib))
        {
            text += Invariant($"; at N = {top.Alive}: PSS {Fmt.Value(top.PssMib / top.Alive)} MiB per container");
        }

        return text + Invariant($"; ladder reached {f.Reached}");
    }

    private static string Estimate(DensityEstimate e) =>
        Invariant($"{Fmt.Value(e.Median)} MiB/container ({Fmt.Interval(e.Ci, Fmt.Value)}, {e.Values} steps)");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
