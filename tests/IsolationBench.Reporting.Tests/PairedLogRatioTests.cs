using IsolationBench.Reporting.Statistics;
using Xunit.Abstractions;

namespace IsolationBench.Reporting.Tests;

/// <summary>The paired interval (ours vs fio in the same container) proven on synthetic runs with a known ratio.</summary>
public sealed class PairedLogRatioTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(5, 1.00)]
    [InlineData(5, 1.12)]
    [InlineData(10, 0.90)]
    public void The_95_percent_interval_covers_the_true_ratio_of_the_two_tools(int containers, double trueRatio)
    {
        // Each container: a shared effect (disk placement, cache, the minute) of 20 % SD on both tools, then each
        // tool's own job-to-job noise of 12 % — the spread seen here for 4 KiB random reads.
        var random = new Random(31);
        const int Runs = 2_000;
        var covered = 0;
        for (var run = 0; run < Runs; run++)
        {
            var pairs = Enumerable.Range(0, containers).Select(_ =>
            {
                var shared = Math.Exp(0.20 * Normal(random));
                return (trueRatio * 20_000 * shared * Math.Exp(0.12 * Normal(random)), 20_000 * shared * Math.Exp(0.12 * Normal(random)));
            }).ToList();
            var (_, ci) = PairedLogRatio.Of(pairs);
            covered += ci.Contains(trueRatio) ? 1 : 0;
        }

        var coverage = covered / (double)Runs;
        output.WriteLine(FormattableString.Invariant($"{containers} containers, true ratio {trueRatio}: coverage {coverage:P1}"));
        Assert.InRange(coverage, 0.93, 0.97);
    }

    [Fact]
    public void One_pair_has_a_ratio_but_no_interval_and_a_non_positive_value_has_neither()
    {
        Assert.Equal((2.0, false), Summary(PairedLogRatio.Of([(20.0, 10.0)])));
        Assert.True(double.IsNaN(PairedLogRatio.Of([(20.0, 10.0), (0.0, 10.0)]).Ratio));
    }

    private static (double, bool) Summary((double Ratio, Interval Ci) r) => (Math.Round(r.Ratio, 6), r.Ci.IsKnown);

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

/// <summary>Ours against fio, judged on the containers that ran both.</summary>
public sealed class FioAgreementTests
{
    private static IEnumerable<IsolationBench.Results.Sample> Container(int round, double ours, double fio) =>
        [S(round, "RandomRead4KiB@layer", ours), S(round, "fio.RandomRead4KiB@layer", fio)];

    private static IsolationBench.Results.Sample S(int round, string metric, double value) => new()
    {
        RunId = "r", Round = round, Mode = "host", Workload = "io", Metric = metric, Unit = "ops/s", Value = value,
        Status = IsolationBench.Results.SampleStatus.Ok, Source = "host:" + round, TimestampUtc = DateTimeOffset.UnixEpoch,
    };

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static IsolationBench.Reporting.Findings.RefereeAgreement Judge(params (double Ours, double Fio)[] containers) =>
        IsolationBench.Workloads.Guest.FioAgreement.Of(
            [.. containers.SelectMany((c, i) => Container(i + 1, c.Ours, c.Fio))], "io", "RandomRead4KiB@layer", "fio.RandomRead4KiB@layer", "host", 1, 1);

    [Fact]
    public void A_steady_15_percent_gap_is_a_disagreement_and_a_noisy_one_is_not_told_from_agreement()
    {
        var steady = Judge((23_000, 20_000), (23_300, 20_100), (22_800, 19_900), (23_100, 20_050), (22_900, 19_950));
        var noisy = Judge((32_000, 20_000), (16_000, 20_000), (26_000, 20_000), (18_000, 20_000), (24_000, 20_000));

        Assert.True(steady.RealDisagreement);
        Assert.StartsWith("disagrees with fio by +15.", steady.Refusal(), StringComparison.Ordinal);
        Assert.False(noisy.Agrees);
        Assert.False(noisy.RealDisagreement);
        Assert.StartsWith("differs from fio by +", noisy.Refusal(), StringComparison.Ordinal);
        Assert.Contains("which this run's noise cannot tell from agreement", noisy.Refusal(), StringComparison.Ordinal);
    }

    [Fact]
    public void Within_ten_percent_agrees_whatever_the_interval()
    {
        Assert.True(Judge((21_000, 20_000), (20_500, 20_000), (21_500, 20_000)).Agrees);
    }

    [Fact]
    public void A_containers_ratio_pairs_its_iterations_and_falls_back_to_medians_when_none_pair()
    {
        // Drift inside the container: both tools slow down together; paired, they agree exactly, the medians do not.
        var ours = new Dictionary<int, double> { [1] = 100, [2] = 50, [3] = 60 };
        var fio = new Dictionary<int, double> { [1] = 100, [2] = 50, [3] = 60 };
        Assert.Equal(1.0, IsolationBench.Workloads.Guest.FioAgreement.ContainerRatio(ours, fio), 12);

        var fioSlower = new Dictionary<int, double> { [1] = 110, [2] = 55, [3] = 66 };
        Assert.Equal(1 / 1.1, IsolationBench.Workloads.Guest.FioAgreement.ContainerRatio(ours, fioSlower), 12);

        var oneSlowJob = new Dictionary<int, double> { [1] = 100, [2] = 25, [3] = 60 }; // fio's job 2 twice as slow
        Assert.Equal(1.0, IsolationBench.Workloads.Guest.FioAgreement.ContainerRatio(ours, oneSlowJob), 12);

        var older = new Dictionary<int, double> { [4] = 30, [5] = 60, [6] = 90 }; // no iteration in common
        Assert.Equal(60.0 / 60.0, IsolationBench.Workloads.Guest.FioAgreement.ContainerRatio(ours, older), 12);
    }

    [Fact]
    public void Alternating_which_tool_goes_first_cancels_a_drift_that_a_fixed_order_turns_into_a_gap()
    {
        // The tools are equal (true ratio 1). Job after job the disk slows by 4 %, and every job has 12 % noise of its own.
        // 5 containers of 6 pairs, as the guest runs them (FioInterleave.RunsBefore: fio after our odd iterations, before our even ones).
        const double Slowdown = 0.96;
        var random = new Random(7);
        const int Runs = 2_000;
        double Bias(bool alternate)
        {
            var sum = 0.0;
            for (var run = 0; run < Runs; run++)
            {
                var samples = Enumerable.Range(1, 5).SelectMany(round => Enumerable.Range(1, 6).SelectMany(i =>
                {
                    var fioFirst = alternate && i % 2 == 0;
                    var oursSlot = (2 * i) - (fioFirst ? 0 : 1);
                    var fioSlot = (2 * i) - (fioFirst ? 1 : 0);
                    return new[]
                    {
                        S(round, "RandomRead4KiB@layer", 20_000 * Math.Pow(Slowdown, oursSlot) * Math.Exp(0.12 * Normal(random))) with { Iteration = i },
                        S(round, "fio.RandomRead4KiB@layer", 20_000 * Math.Pow(Slowdown, fioSlot) * Math.Exp(0.12 * Normal(random))) with { Iteration = i },
                    };
                })).ToList();
                sum += Math.Log(1 + IsolationBench.Workloads.Guest.FioAgreement.Of(samples, "io", "RandomRead4KiB@layer", "fio.RandomRead4KiB@layer", "host", 1, 1).Difference);
            }

            return Math.Exp(sum / Runs) - 1;
        }

        var fixedOrder = Bias(alternate: false);
        var alternating = Bias(alternate: true);

        Assert.InRange(fixedOrder, 0.035, 0.050); // ours always first, on the faster disk: ~1 ÷ 0.96 − 1 = +4.2 %
        Assert.InRange(alternating, -0.005, 0.005);
    }

    [Fact]
    public void Pairs_within_containers_tell_a_real_gap_through_drift_that_medians_hide()
    {
        // Each container: 3 pairs, the disk's speed changing between pairs (×1, ×0.6, ×1.4), ours 15 % faster in every pair.
        double[] drift = [1.0, 0.6, 1.4];
        var samples = Enumerable.Range(1, 5).SelectMany(round => drift.SelectMany((d, i) => new[]
        {
            S(round, "RandomRead4KiB@layer", 20_000 * d * 1.15 * (1 + (0.01 * round))) with { Iteration = i + 1 },
            S(round, "fio.RandomRead4KiB@layer", 20_000 * d * (1 + (0.01 * round))) with { Iteration = i + 1 },
        })).ToList();

        var judged = IsolationBench.Workloads.Guest.FioAgreement.Of(samples, "io", "RandomRead4KiB@layer", "fio.RandomRead4KiB@layer", "host", 1, 1);

        Assert.Equal(0.15, judged.Difference, 9);
        Assert.True(judged.RealDisagreement);
    }
}
