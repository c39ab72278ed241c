using System.Runtime.InteropServices;
using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.Comparison;

/// <summary>
/// Bootstrap medians of a series measured in several runs (nights): each replicate draws the runs with replacement,
/// then each drawn run's rounds (containers, their iterations kept together) with replacement — a two-stage cluster
/// bootstrap. This is the uncertainty of the side's centre: night-to-night variation widens it, and it narrows with more
/// runs, as a mean of N nights should. It does not cover the night effect of a single current night; the comparison
/// adds that (<see cref="NightSpread"/>). With one run this is exactly <see cref="Bootstrap.Medians"/> (rounds
/// resampled), the same interval the report shows. Pure, fixed seed.
/// </summary>
public static class HierarchicalBootstrap
{
    public static double[] Medians(IReadOnlyList<IReadOnlyList<double[]>> runs, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        var present = runs.Where(r => r.Count > 0).ToList();
        if (present.Count <= 1)
        {
            return Bootstrap.Medians(present.Count == 0 ? [] : present[0], resamples, seed);
        }

        var random = new Random(seed);
        var buffer = new List<double>();
        var replicates = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            buffer.Clear();
            for (var k = 0; k < present.Count; k++)
            {
                var run = present[random.Next(present.Count)];
                for (var c = 0; c < run.Count; c++)
                {
                    buffer.AddRange(run[random.Next(run.Count)]);
                }
            }

            replicates[r] = Descriptive.MedianInPlace(CollectionsMarshal.AsSpan(buffer));
        }

        return replicates;
    }
}
