using System.Globalization;

namespace IsolationBench.Reporting.CrossCheck;

public enum CrossCheckVerdict
{
    /// <summary>Both medians exist and differ by at most the tolerance.</summary>
    Agree,

    /// <summary>Both exist and differ by more than the tolerance: one of the two measurements is wrong.</summary>
    Differ,

    /// <summary>The harness measured the mode, BenchmarkDotNet did not (failed, or not asked).</summary>
    MissingBdn,

    /// <summary>BenchmarkDotNet measured the mode, the harness has no ok `total` sample for it.</summary>
    MissingHarness,
}

/// <summary>
/// One mode: BDN's median lifecycle vs the harness's median startup `total` (both create called → remove returned,
/// ms). <see cref="Difference"/> = (BDN − harness) / harness: positive when BDN's median is the larger.
/// </summary>
public sealed record CrossCheckRow(string Mode, double? BdnMedian, double? HarnessMedian, double? Difference, CrossCheckVerdict Verdict)
{
    public string Sentence => Verdict switch
    {
        CrossCheckVerdict.Agree => Invariant($"{Mode}: BenchmarkDotNet and the harness agree (BDN median {BdnMedian:0.###} ms vs harness {HarnessMedian:0.###} ms, {Signed(Difference!.Value)})"),
        CrossCheckVerdict.Differ => Invariant($"{Mode}: BenchmarkDotNet's median is {Math.Abs(Difference!.Value) * 100:0.0} % {(Difference > 0 ? "higher" : "lower")} than the harness's ({BdnMedian:0.###} ms vs {HarnessMedian:0.###} ms), beyond the 10 % tolerance: one of the two measurements is off"),
        CrossCheckVerdict.MissingBdn => $"{Mode}: no BenchmarkDotNet figure (its benchmark failed or the mode was not measured): not cross-checked",
        CrossCheckVerdict.MissingHarness => $"{Mode}: BenchmarkDotNet measured it but the harness has no ok startup total: not cross-checked",
        _ => Mode,
    };

    private static string Signed(double d) => (d >= 0 ? "+" : "−") + Math.Abs(d * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The cross-check itself: pure maths over figures already read.</summary>
public static class LifecycleCrossCheck
{
    /// <summary>Beyond this relative difference (of the harness's median) the report says the two disagree.</summary>
    public const double Tolerance = 0.10;

    /// <param name="harnessMedians">mode → the harness's median startup total (ms), ok samples only.</param>
    /// <returns>One row per mode either side measured: harness modes first in their order, then BDN-only ones.</returns>
    public static IReadOnlyList<CrossCheckRow> Compare(IReadOnlyList<BdnLifecycleFigure> bdn, IReadOnlyList<(string Mode, double Median)> harnessMedians, double tolerance = Tolerance)
    {
        ArgumentNullException.ThrowIfNull(bdn);
        ArgumentNullException.ThrowIfNull(harnessMedians);
        var rows = new List<CrossCheckRow>();
        foreach (var (mode, harness) in harnessMedians)
        {
            var figure = bdn.FirstOrDefault(f => f.Mode == mode);
            if (figure is null || !double.IsFinite(figure.Median))
            {
                rows.Add(new CrossCheckRow(mode, null, harness, null, CrossCheckVerdict.MissingBdn));
                continue;
            }

            if (!double.IsFinite(harness) || harness <= 0)
            {
                rows.Add(new CrossCheckRow(mode, figure.Median, null, null, CrossCheckVerdict.MissingHarness));
                continue;
            }

            var difference = (figure.Median - harness) / harness;
            rows.Add(new CrossCheckRow(mode, figure.Median, harness, difference, Math.Abs(difference) > tolerance ? CrossCheckVerdict.Differ : CrossCheckVerdict.Agree));
        }

        rows.AddRange(bdn.Where(f => harnessMedians.All(h => h.Mode != f.Mode))
            .Select(f => new CrossCheckRow(f.Mode, f.Median, null, null, CrossCheckVerdict.MissingHarness)));
        return rows;
    }
}
