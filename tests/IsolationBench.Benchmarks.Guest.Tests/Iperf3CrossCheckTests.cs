using IsolationBench.Benchmarks.Guest.Fio;
using IsolationBench.Benchmarks.Guest.Iperf3;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

/// <summary>iperf3 referees our TCP bulk benchmark: same write size, loopback, one test, beside that benchmark alone.</summary>
public sealed class Iperf3CrossCheckTests
{
    private static GuestOptions Network(params string[] extra) =>
        GuestArguments.Parse(["--category", "network", "--profile", "quick", "--artifacts", Path.GetTempPath(), .. extra]);

    [Theory]
    [InlineData("before", Iperf3CrossCheck.Side.Before)]
    [InlineData("after", Iperf3CrossCheck.Side.After)]
    public void Iperf3_says_the_side_of_our_bulk_benchmark_it_runs_on(string side, Iperf3CrossCheck.Side expected)
    {
        Assert.Equal(expected, Network("--iperf3", side).Iperf3);
        Assert.Null(Network().Iperf3);
    }

    [Fact]
    public void Iperf3_with_another_side_is_refused_in_one_line()
    {
        var ex = Assert.Throws<GuestArgumentException>(() => Network("--iperf3", "around"));

        Assert.Equal("--iperf3 around: expected before or after (the side of the TCP bulk benchmark it runs on)", ex.Message);
        Assert.Throws<GuestArgumentException>(() => Network("--iperf3"));
    }

    [Fact]
    public void The_client_writes_64_KiB_like_ours_over_loopback_for_the_profile_s_seconds_and_prints_json()
    {
        var client = Iperf3Commands.Client(40123, Iperf3Commands.Seconds(GuestProfile.Quick));

        Assert.Equal(["-c", "127.0.0.1", "-p", "40123", "-J", "-t", "1", "-l", "64K"], client);
        Assert.Equal(2, Iperf3Commands.Seconds(GuestProfile.Default));
        Assert.Equal(["-s", "-1", "-B", "127.0.0.1", "-p", "40123"], Iperf3Commands.Server(40123));
        Assert.Equal(64 * 1024, Iperf3Commands.WriteBytes);
        Assert.Throws<ArgumentOutOfRangeException>(() => Iperf3Commands.Client(1, 0));
    }

    [Fact]
    public void The_network_run_splits_so_our_bulk_benchmark_runs_alone_and_no_case_is_lost()
    {
        var run = Assert.Single(GuestDiscovery.For(Network("--iperf3", "before"), GuestCategories.Network, GuestPlatform.Linux));

        var parts = RefereedRuns.Split(run, Iperf3CrossCheck.Refereed);

        Assert.Equal(run.BenchmarksCases, parts.SelectMany(p => p.Run.BenchmarksCases));
        var refereed = Assert.Single(parts, p => p.Refereed is not null);
        Assert.Equal(Iperf3CrossCheck.Metric, refereed.Refereed);
        Assert.Equal("TcpBulk64KiB", Assert.Single(refereed.Run.BenchmarksCases).Descriptor.WorkloadMethod.Name);
        Assert.DoesNotContain(parts, p => p.Run.BenchmarksCases.Length == 0);
    }
}
