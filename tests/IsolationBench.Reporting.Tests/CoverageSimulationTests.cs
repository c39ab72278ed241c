using IsolationBench.Reporting.Statistics;
using Xunit.Abstractions;

namespace IsolationBench.Reporting.Tests;

/// <summary>
/// The report's interval method proven on synthetic runs with a known truth (fixed seeds, no engine, seconds):
/// the 95 % interval must cover the true ratio in 93–97 % of runs, and a null effect must be called significant in
/// at most 6 %. The figures printed here are the ones the README quotes.
/// </summary>
public sealed class CoverageSimulationTests(ITestOutputHelper output)
{
    private const int Runs = 2_000;

    public static TheoryData<string, int, int, double, double, double, double> Designs => new()
    {
        // name, units per mode, iterations per unit, container SD, iteration SD, drift, mode noise factor
        { "startup 30 lifecycles", 30, 1, 0.12, 0.0, 0.05, 1.0 },
        { "startup 5 lifecycles", 5, 1, 0.12, 0.0, 0.05, 1.0 },
        { "guest 5 containers x 3 iterations", 5, 3, 0.08, 0.04, 0.03, 1.0 },
        { "guest 5 x 3, sandbox twice as noisy", 5, 3, 0.08, 0.04, 0.03, 2.0 },
        { "io 5 containers x 1 operation", 5, 1, 0.08, 0.04, 0.03, 1.0 },
        { "guest 10 containers x 3 iterations", 10, 3, 0.08, 0.04, 0.03, 1.0 },
    };

    [Theory]
    [MemberData(nameof(Designs))]
    public void The_95_percent_interval_covers_the_true_ratio_and_a_null_effect_is_rarely_significant(
        string design, int units, int iterations, double containerSd, double iterationSd, double drift, double noiseFactor)
    {
        const double trueRatio = 1.30;
        var (covered, _) = Simulate(trueRatio, units, iterations, containerSd, iterationSd, drift, noiseFactor, seed: 11);
        var (nullCovered, nullSignificant) = Simulate(1.0, units, iterations, containerSd, iterationSd, drift, noiseFactor, seed: 12);

        output.WriteLine(FormattableString.Invariant(
            $"{design}: coverage {covered:P1} (true ratio {trueRatio}), null coverage {nullCovered:P1}, null called significant {nullSignificant:P1}, {Runs} runs each"));
        Assert.InRange(covered, 0.93, 0.97);
        Assert.InRange(nullCovered, 0.93, 0.97);
        Assert.True(nullSignificant <= 0.06, $"{design}: a null effect was significant in {nullSignificant:P1} of runs");
    }

    [Fact]
    public void A_real_effect_is_found_at_5_containers()
    {
        var (_, significant) = Simulate(1.30, 5, 3, 0.08, 0.04, 0.03, 1.0, seed: 13);

        output.WriteLine(FormattableString.Invariant($"power at 5 x 3, true ratio 1.30: {significant:P1}"));
        Assert.True(significant > 0.9, $"a 30 % effect was significant in only {significant:P1} of runs");
    }

    [Fact]
    public void The_old_method_resampling_one_containers_iterations_undercovers_and_the_cluster_bootstrap_is_conservative()
    {
        // Old default: one container per mode, its 15 iterations resampled as if independent.
        var oneContainer = BootstrapCoverage(1, 15, seed: 14);

        // A percentile bootstrap of the median over 5 container medians: not wrong, but lumpy and wider than needed.
        var fiveContainers = BootstrapCoverage(5, 3, seed: 15);

        output.WriteLine(FormattableString.Invariant(
            $"percentile bootstrap of the median ratio: 1 container x 15 iterations resampled {oneContainer:P1}; 5 container medians {fiveContainers:P1}"));
        Assert.True(oneContainer < 0.80, $"one-container coverage {oneContainer:P1}");
        Assert.True(fiveContainers > 0.955, $"five-container bootstrap coverage {fiveContainers:P1}");
    }

    private static double BootstrapCoverage(int containers, int iterations, int seed)
    {
        const int runs = 1_000;
        var sim = new SyntheticRuns(seed);
        var covered = 0;

        // 400 resamples: the 2.5 % and 97.5 % percentiles move by a fraction of a percent of coverage, and it keeps the test to seconds.
        for (var i = 0; i < runs; i++)
        {
            var (mode, baseline) = sim.Draw(1.3, containers, iterations, 0.08, 0.04, 0.03);
            List<double[]> Units(List<IsolationBench.Results.Sample> s) => containers == 1
                ? s.Select(x => new[] { x.Value }).ToList()
                : ExperimentalUnits.Of(s).Select(v => new[] { v }).ToList();
            var m = Bootstrap.Medians(Units(mode), 400, i);
            var b = Bootstrap.Medians(Units(baseline), 400, i + runs);
            covered += Bootstrap.PercentileInterval(Bootstrap.Ratios(m, b)).Contains(1.3) ? 1 : 0;
        }

        return covered / (double)runs;
    }

    private static (double Coverage, double Significant) Simulate(
        double trueRatio, int units, int iterations, double containerSd, double iterationSd, double drift, double noiseFactor, int seed)
    {
        var sim = new SyntheticRuns(seed);
        int covered = 0, significant = 0;
        for (var i = 0; i < Runs; i++)
        {
            var (mode, baseline) = sim.Draw(trueRatio, units, iterations, containerSd, iterationSd, drift, noiseFactor);
            var c = Comparisons.Compare(ExperimentalUnits.Of(mode), ExperimentalUnits.Of(baseline), "base", higherIsBetter: false, startup: iterations == 1);
            covered += c.RatioCi.Contains(trueRatio) ? 1 : 0;
            significant += c.Significant ? 1 : 0;
        }

        return (covered / (double)Runs, significant / (double)Runs);
    }
}
