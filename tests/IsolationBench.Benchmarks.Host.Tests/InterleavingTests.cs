using IsolationBench.Harness.Modes;

namespace IsolationBench.Benchmarks.Host.Tests;

public sealed class InterleavingTests
{
    private static readonly IsolationMode[] Modes = [IsolationMode.Host, IsolationMode.ForRuntime("runc"), IsolationMode.ForRuntime("crun")];

    [Theory]
    [InlineData("host", new[] { "runc", "crun" })]
    [InlineData("runc", new[] { "crun", "host" })]
    [InlineData("crun", new[] { "host", "runc" })]
    public void A_sample_is_preceded_by_the_other_modes_in_the_harness_round_robin_order(string measuring, string[] expected)
    {
        Assert.Equal(expected, LifecycleBenchmarks.Preceding(Modes, measuring).Select(m => m.Name));
    }

    [Fact]
    public void Before_the_first_invocation_a_whole_round_runs()
    {
        Assert.Equal(["host", "runc", "crun"], LifecycleBenchmarks.Preceding(Modes, null).Select(m => m.Name));
    }
}
