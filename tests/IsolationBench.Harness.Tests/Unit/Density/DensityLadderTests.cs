using IsolationBench.Workloads.Density;

namespace IsolationBench.Harness.Tests.Unit.Density;

public sealed class DensityLadderTests
{
    [Theory]
    [InlineData(32, new[] { 1, 2, 4, 8, 16, 32 })]
    [InlineData(1, new[] { 1 })]
    [InlineData(2, new[] { 1, 2 })]
    [InlineData(12, new[] { 1, 2, 4, 8, 12 })]
    public void The_ladder_doubles_up_to_its_top_and_ends_on_it(int max, int[] steps) =>
        Assert.Equal(steps, DensityLadder.Steps(max));

    [Fact]
    public void A_ladder_without_a_step_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DensityLadder.Steps(0));
}
