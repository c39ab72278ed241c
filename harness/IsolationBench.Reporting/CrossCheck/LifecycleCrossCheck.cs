using System.Globalization;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting.CrossCheck;

public enum CrossCheckVerdict
{
    /// <summary>Both medians exist and differ by at most the tolerance.</summary>
    Agree,

    /// <summary>Both exist and differ by more than the tolerance: one of the two measurements is wrong, or too noisy.</summary>
    Differ,

    /// <summary>The harness measured the mode, BenchmarkDotNet did not (failed, or not asked).</summary>
    MissingBdn,

    /// <summary>BenchmarkDotNet measured the mode, the harness has no ok `total` sample for it.</summary>
    MissingHarness,
}

/// <summary>The harness's side of one mode: every ok startup `total` (ms), in the order taken.</summary>
public sealed record HarnessLifecycle(string Mode, IReadOnlyList<double> Totals)
{
    /// <summary>Ok startup totals per mode, modes in the order they first appear.</summary>
    /// <param name="samples">the run's samples.</param>
    /// <param name="workload">the workload whose lifecycles BenchmarkDotNet timed too.</param>
    /// <param name="metric">its whole-lifecycle metric (create → remove).</param>
    public static IReadOnlyList<HarnessLifecycle> From(IEnumerable<Sample> samples, string workload, string metric)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return [.. samples.Where(s => s.IsOk && s.Workload == workload && s.Metric == metric)
            .GroupBy(s => s.Mode, StringComparer.Ordinal)
            .Select(g => new HarnessLifecycle(g.Key, [.. g.Select(s => s.Value)]))];
    }
}

/// <summary>
/// One mode: BDN's median lifecycle vs the harness's median startup `total` (both create called → remove returned,
/// ms). <see cref="Difference"/> = (BDN − harness) / harness: positive when BDN's median is the larger.
/// <see cref="DifferenceCi"/> is its 95 % bootstrap interval (both sides resampled, independently), null when either
/// side has no individual values.
/// </summary>
public sealed record CrossCheckRow(string Mode, double? BdnMedian, double? HarnessMedian, double? Difference, CrossCheckVerdict Verdict)
{
    public Interval? DifferenceCi { get; init; }

    /// <summary>The interval lies wholly beyond the tolerance on the side of the difference: noise cannot explain it.</summary>
    public bool BeyondNoise => Verdict == CrossCheckVerdict.Differ && DifferenceCi is { } ci
        && (Difference > 0 ? ci.Low > LifecycleCrossCheck.Tolerance : ci.High < -LifecycleCrossCheck.Tolerance);

    public string Sentence => Verdict switch
    {
        CrossCheckVerdict.Agree => Invariant($"{Mode}: BenchmarkDotNet and the harness agree (BDN median {BdnMedian:0.###} ms vs harness {HarnessMedian:0.###} ms, {Fmt.SignedPercent(Difference!.Value)}{Ci("; 95 % CI ", string.Empty)})"),
        CrossCheckVerdict.Differ => Invariant($"{Mode}: BenchmarkDotNet's median is {Math.Abs(Difference!.Value) * 100:0.0} % {(Difference > 0 ? "higher" : "lower")} than the harness's ({BdnMedian:0.###} ms vs {HarnessMedian:0.###} ms), beyond the 10 % tolerance") + Judgement,
        CrossCheckVerdict.MissingBdn => $"{Mode}: no BenchmarkDotNet figure (its benchmark failed or the mode was not measured): not cross-checked",
        CrossCheckVerdict.MissingHarness => $"{Mode}: BenchmarkDotNet measured it but the harness has no ok startup total: not cross-checked",
        _ => Mode,
    };

    private string Judgement => DifferenceCi is null || BeyondNoise
        ? Ci(" and beyond the noise of both medians (95 % CI of the difference ", ")") + ": one of the two measurements is off"
        : Ci("; the 95 % CI of the difference (", ")") + " reaches back within the tolerance: not conclusive on this host's noise — rerun with more --samples";

    private string Ci(string before, string after) => DifferenceCi is { } ci
        ? before + Fmt.SignedPercent(ci.Low) + " … " + Fmt.SignedPercent(ci.High) + after
        : string.Empty;

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The cross-check itself: pure maths over figures already read.</summary>
public static class LifecycleCrossCheck
{
    /// <summary>Beyond this relative difference (of the harness's median) the report says the two disagree.</summary>
    public const double Tolerance = 0.10;

    /// <summary>Bootstrap resamples and seed: fixed, so the same run always gives the same sentences.</summary>
    public const int Resamples = 10_000;

    private const int Seed = 20_261_129;

    /// <returns>One row per mode either side measured: harness modes first in their order, then BDN-only ones.</returns>
    public static IReadOnlyList<CrossCheckRow> Compare(IReadOnlyList<BdnLifecycleFigure> bdn, IReadOnlyList<HarnessLifecycle> harness, double tolerance = Tolerance)
    {
        ArgumentNullException.ThrowIfNull(bdn);
        ArgumentNullException.ThrowIfNull(harness);
        var rows = new List<CrossCheckRow>();
        foreach (var side in harness)
        {
            var figure = bdn.FirstOrDefault(f => f.Mode == side.Mode);
            var median = Descriptive.Median([.. side.Totals]);
            if (figure is null || !double.IsFinite(figure.Median))
            {
                rows.Add(new CrossCheckRow(side.Mode, null, double.IsFinite(median) ? median : null, null, CrossCheckVerdict.MissingBdn));
                continue;
            }

            if (!double.IsFinite(median) || median <= 0)
            {
                rows.Add(new CrossCheckRow(side.Mode, figure.Median, null, null, CrossCheckVerdict.MissingHarness));
                continue;
            }

            var difference = (figure.Median - median) / median;
            rows.Add(new CrossCheckRow(side.Mode, figure.Median, median, difference, Math.Abs(difference) > tolerance ? CrossCheckVerdict.Differ : CrossCheckVerdict.Agree)
            {
                DifferenceCi = DifferenceInterval(side.Mode, figure.Iterations, side.Totals),
            });
        }

        rows.AddRange(bdn.Where(f => harness.All(h => h.Mode != f.Mode))
            .Select(f => new CrossCheckRow(f.Mode, f.Median, null, null, CrossCheckVerdict.MissingHarness)));
        return rows;
    }

    // Each lifecycle is its own container: one value per cluster, the ordinary bootstrap of each median.
    private static Interval? DifferenceInterval(string mode, IReadOnlyList<double> bdn, IReadOnlyList<double> harness)
    {
        if (bdn.Count == 0 || harness.Count == 0)
        {
            return null;
        }

        var b = Bootstrap.Medians([.. bdn.Select(v => new[] { v })], Resamples, Bootstrap.SeedFor(Seed, "bdn", mode));
        var h = Bootstrap.Medians([.. harness.Select(v => new[] { v })], Resamples, Bootstrap.SeedFor(Seed, "harness", mode));
        var ratio = Bootstrap.PercentileInterval(Bootstrap.Ratios(b, h));
        return new Interval(ratio.Low - 1, ratio.High - 1);
    }
}
