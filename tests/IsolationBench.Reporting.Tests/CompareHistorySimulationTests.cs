using IsolationBench.Reporting.Comparison;
using IsolationBench.Results;
using Xunit.Abstractions;

namespace IsolationBench.Reporting.Tests;

/// <summary>
/// The gate on synthetic nightly histories with a known truth (no engine, fixed seeds): seven baseline nights and one
/// current night, each night with its own random effect (the machine's state that night) on top of the within-run noise
/// (per-container effect and iteration noise for guest series, per-start noise for startup). With no change the gate must
/// pass (exit 0) in ≥ 95 % of trials; with one mode 20 % slower it must fail (exit 1) in ≥ 95 %.
/// </summary>
public sealed class CompareHistorySimulationTests(ITestOutputHelper output)
{
    private const int Trials = 200;
    private const int Nights = 7;
    private const double NightSigma = 0.04;

    private static readonly CompareOptions Options = new() { BootstrapResamples = 1_000 };

    [Fact]
    public void Seven_noisy_nights_without_a_change_pass_and_a_20_percent_slowdown_fails_in_at_least_95_percent_of_trials()
    {
        var (nullPasses, nullSignificant, nullSeries) = Simulate(slowdown: 1.0, seed: 1);
        var (slowFails, _, _) = Simulate(slowdown: 1.2, seed: 2);
        var passRate = (double)nullPasses / Trials;
        var failRate = (double)slowFails / Trials;
        var significantRate = (double)nullSignificant / nullSeries;
        output.WriteLine(FormattableString.Invariant(
            $"no change: exit 0 in {passRate:P1}, series with a CI excluding 1: {significantRate:P1}; 20 % slowdown: exit 1 in {failRate:P1} ({Trials} trials each)"));

        Assert.True(passRate >= 0.95, FormattableString.Invariant($"no change passed in only {passRate:P1}"));
        Assert.True(failRate >= 0.95, FormattableString.Invariant($"a 20 % slowdown failed the gate in only {failRate:P1}"));

        // The interval must carry the current night's own night effect: with no change, a 95 % interval excludes 1 rarely.
        Assert.True(significantRate <= 0.07, FormattableString.Invariant($"no change, yet {significantRate:P1} of the series' intervals exclude 1"));
    }

    private static (int Gate, int Significant, int Series) Simulate(double slowdown, int seed)
    {
        var random = new Random(seed);
        var gate = 0;
        var significant = 0;
        var series = 0;
        for (var t = 0; t < Trials; t++)
        {
            var baseline = Enumerable.Range(1, Nights).Select(n => Night(random, "n" + n, 1.0)).ToList();
            var current = Night(random, "now", slowdown);
            var result = RunComparer.Compare(new CompareSide("last:7", baseline, []), new CompareSide("now", [current], []), Options);
            gate += result.GateFails == (slowdown > 1) ? 1 : 0;
            significant += result.Changes.Count(c => c.Significant);
            series += result.Changes.Count;
        }

        return (gate, significant, series);
    }

    /// <summary>One night: host and runc, startup (30 starts) and a guest metric (5 containers × 3 iterations); runc × <paramref name="runcFactor"/>.</summary>
    private static RunSamples Night(Random random, string runId, double runcFactor)
    {
        var samples = new List<Sample>();
        foreach (var (mode, factor) in new[] { ("host", 1.0), ("runc", runcFactor) })
        {
            var startupNight = Math.Exp(NightSigma * Gaussian(random));
            for (var r = 1; r <= 30; r++)
            {
                samples.Add(Value(runId, mode, "startup", "total", Units.Milliseconds, r, 0, (mode == "host" ? 15 : 300) * factor * startupNight * Math.Exp(0.10 * Gaussian(random))));
            }

            var guestNight = Math.Exp(NightSigma * Gaussian(random));
            for (var r = 1; r <= 5; r++)
            {
                var container = Math.Exp(0.03 * Gaussian(random));
                for (var i = 0; i < 3; i++)
                {
                    samples.Add(Value(runId, mode, "syscall", "StatMissing", Units.NanosecondsPerOp, r, i, 320 * factor * guestNight * container * Math.Exp(0.01 * Gaussian(random))));
                }
            }
        }

        return new RunSamples(runId, DateTimeOffset.UnixEpoch, "/runs/" + runId, samples, []);
    }

    private static Sample Value(string runId, string mode, string workload, string metric, string unit, int round, int iteration, double value) => new()
    {
        RunId = runId,
        Round = round,
        Mode = mode,
        Workload = workload,
        Metric = metric,
        Unit = unit,
        Value = value,
        Status = SampleStatus.Ok,
        Iteration = iteration,
        Source = mode + "-" + round.ToString(System.Globalization.CultureInfo.InvariantCulture),
        TimestampUtc = DateTimeOffset.UnixEpoch,
    };

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
