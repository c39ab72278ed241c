using IsolationBench.Results;

namespace IsolationBench.Reporting.Tests;

/// <summary>
/// Synthetic runs with a known true ratio, for the coverage simulations: log-normal noise per iteration, a random
/// effect per container, and a slow drift over the run that hits both modes of a round alike (interleaved order).
/// </summary>
internal sealed class SyntheticRuns(int seed)
{
    private readonly Random _random = new(seed);

    /// <param name="rounds">containers per mode (guest) or lifecycles per mode (startup).</param>
    /// <param name="iterations">values per container (1 for startup).</param>
    /// <param name="containerSd">SD of the per-container effect on the log scale.</param>
    /// <param name="iterationSd">SD of the per-iteration noise on the log scale.</param>
    /// <param name="drift">total drift over the run on the log scale (linear, plus a slow wave of the same size).</param>
    public (List<Sample> Mode, List<Sample> Baseline) Draw(
        double trueRatio, int rounds, int iterations, double containerSd, double iterationSd, double drift, double modeNoiseFactor = 1)
    {
        var mode = new List<Sample>();
        var baseline = new List<Sample>();
        const double baseValue = 250;
        for (var r = 1; r <= rounds; r++)
        {
            var d = drift * ((r / (double)rounds) + (0.5 * Math.Sin(2 * Math.PI * r / rounds)));
            Container(baseline, "base", r, baseValue, d, containerSd, iterationSd, iterations);
            Container(mode, "mode", r, baseValue * trueRatio, d, containerSd * modeNoiseFactor, iterationSd * modeNoiseFactor, iterations);
        }

        return (mode, baseline);
    }

    private void Container(List<Sample> into, string mode, int round, double center, double drift, double containerSd, double iterationSd, int iterations)
    {
        var effect = containerSd * Normal();
        for (var i = 1; i <= iterations; i++)
        {
            into.Add(new Sample
            {
                RunId = "sim", Round = round, Mode = mode, Workload = "sim", Metric = "m", Unit = Units.NanosecondsPerOp,
                Value = center * Math.Exp(drift + effect + (iterationSd * Normal())), Status = SampleStatus.Ok,
                Iteration = i, Source = FormattableString.Invariant($"{mode}-{round}"), TimestampUtc = DateTimeOffset.UnixEpoch,
            });
        }
    }

    /// <summary>Box–Muller: System.Random with a seed is stable across .NET versions.</summary>
    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
