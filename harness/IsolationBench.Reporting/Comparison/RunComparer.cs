using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Comparison;

/// <summary>
/// CURRENT against BASELINE on the samples, series by series (workload, metric, mode — the host baseline too, since a
/// slower host is news as well). Ratio of medians with a bootstrap CI: rounds (containers) resampled within each run and,
/// for several runs, runs resampled first; when the baseline has several runs and the current is one night, that night's
/// own night effect is added from the baseline's between-run spread (<see cref="NightSpread"/>). Then
/// <see cref="CompareRule"/>, plus what the current run failed to deliver (<see cref="MissingInCurrent"/>,
/// <see cref="FailureRates"/>). Pure: takes samples, returns numbers.
/// </summary>
public static class RunComparer
{
    public static ComparisonResult Compare(CompareSide baseline, CompareSide current, CompareOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        var baseSeries = Series(baseline);
        var currentSeries = Series(current);
        var changes = new List<MetricChange>();
        var unmatched = new List<string>();
        var missing = new List<string>();
        foreach (var (key, cur) in currentSeries)
        {
            if (!baseSeries.TryGetValue(key, out var bas))
            {
                unmatched.Add($"{key.Workload}/{key.Metric} [{key.Mode}]: only in {current.Label}");
                continue;
            }

            if (bas.Unit != cur.Unit)
            {
                missing.Add($"unit changed: {key.Workload}/{key.Metric} [{key.Mode}] is {bas.Unit} in {baseline.Label}, {cur.Unit} in {current.Label}");
                continue;
            }

            // The newest run of CURRENT says which way is better: a metric's declaration is the code's, and the code under test is current's.
            var higherIsBetter = current.Runs[^1].Directions.HigherIsBetter(key.Workload, key.Metric, cur.Unit);
            changes.Add(Change(key, bas, cur, higherIsBetter, options));
        }

        missing.AddRange(MissingInCurrent.Lines(baseline, current));
        return new ComparisonResult(baseline, current, options.Threshold, changes, unmatched)
        {
            Missing = missing,
            FailureRises = FailureRates.Rises(baseline, current),
        };
    }

    private static MetricChange Change(SeriesKey key, SeriesData bas, SeriesData cur, bool higherIsBetter, CompareOptions options)
    {
        var baseReps = HierarchicalBootstrap.Medians(bas.Runs, options.BootstrapResamples,
            Bootstrap.SeedFor(options.Seed, "baseline", key.Workload, key.Metric, key.Mode));
        var curReps = HierarchicalBootstrap.Medians(cur.Runs, options.BootstrapResamples,
            Bootstrap.SeedFor(options.Seed, "current", key.Workload, key.Metric, key.Mode));
        var ratioReps = Bootstrap.Ratios(curReps, baseReps);

        // A several-night current already carries its nights' spread in its own top-level resampling.
        var nightSigma = bas.Runs.Count >= 2 && cur.Runs.Count == 1
            ? NightSpread.LogSigma(bas.Runs)
            : double.NaN;
        if (double.IsFinite(nightSigma))
        {
            var nights = NightSpread.Draws(nightSigma, bas.Runs.Count, ratioReps.Length,
                Bootstrap.SeedFor(options.Seed, "night", key.Workload, key.Metric, key.Mode));
            for (var i = 0; i < ratioReps.Length; i++)
            {
                ratioReps[i] *= nights[i];
            }
        }

        var baseValues = bas.Runs.SelectMany(r => r).SelectMany(c => c).ToList();
        var curValues = cur.Runs.SelectMany(r => r).SelectMany(c => c).ToList();
        var baseMedian = Descriptive.Median(baseValues);
        var curMedian = Descriptive.Median(curValues);
        var ratio = curMedian / baseMedian;
        // One container on a side (in all its runs together) has no between-container spread: no interval, no verdict.
        var ratioCi = Clusters(bas) < 2 || Clusters(cur) < 2 ? Interval.Unknown : Bootstrap.PercentileInterval(ratioReps);
        var slowdown = higherIsBetter ? 1 / ratio : ratio;
        var slowdownCi = higherIsBetter ? ratioCi.Reciprocal() : ratioCi;
        return new MetricChange(
            key.Workload, key.Metric, key.Mode, cur.Unit, baseValues.Count, curValues.Count, baseMedian, curMedian,
            ratio, ratioCi, slowdown, slowdownCi, Comparisons.MannWhitneyP(curValues, baseValues),
            CompareRule.Classify(slowdown, slowdownCi, options.Threshold))
        {
            NightSigma = nightSigma,
            HigherIsBetter = higherIsBetter,
        };
    }
    /// <summary>Per series: per run, the usable values grouped by round (one container = one cluster), in file order.</summary>
    private static Dictionary<SeriesKey, SeriesData> Series(CompareSide side)
    {
        var result = new Dictionary<SeriesKey, SeriesData>();
        foreach (var run in side.Runs)
        {
            foreach (var group in run.Samples.Where(RunAnalyzer.IsUsable).GroupBy(s => new SeriesKey(s.Workload, s.Metric, s.Mode)))
            {
                var clusters = RoundClusters.Of(group);
                if (!result.TryGetValue(group.Key, out var data))
                {
                    data = new SeriesData(group.First().Unit, []);
                    result.Add(group.Key, data);
                }

                data.Runs.Add(clusters);
            }
        }

        return result;
    }

    private static int Clusters(SeriesData data) => data.Runs.Sum(r => r.Count);

    private readonly record struct SeriesKey(string Workload, string Metric, string Mode);

    private sealed record SeriesData(string Unit, List<IReadOnlyList<double[]>> Runs);
}
