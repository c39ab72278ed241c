using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Tests;

public sealed class RoundClustersTests
{
    private static Sample S(int round, string source, double value) => new()
    {
        RunId = "r", Round = round, Mode = "runc", Workload = "cpu", Metric = "IntegerMix", Unit = Units.NanosecondsPerOp,
        Value = value, Status = SampleStatus.Ok, Source = source, TimestampUtc = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Several_containers_are_resampled_whole()
    {
        var clusters = RoundClusters.Of([S(1, "a", 1), S(1, "a", 2), S(2, "b", 3), S(2, "b", 4)]);

        Assert.Equal(2, clusters.Count);
        Assert.Equal([1.0, 2.0], clusters[0]);
    }

    [Fact]
    public void One_container_is_one_cluster_its_iterations_are_not_independent_units()
    {
        var clusters = RoundClusters.Of([S(1, "a", 1), S(1, "a", 2), S(1, "a", 3)]);

        Assert.Single(clusters);
        Assert.Equal([1.0, 2.0, 3.0], clusters[0]);
    }
}
