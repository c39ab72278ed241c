using IsolationBench.Harness;
namespace IsolationBench.Workloads.Density;

/// <summary>The numbers of containers alive at which the footprint is read: 1, 2, 4, 8, … up to --density-max (itself the last step).</summary>
public static class DensityLadder
{
    public const int DefaultMax = RunOptions.DefaultDensityMax;

    public const int MaxAllowed = 1024;

    public static IReadOnlyList<int> Steps(int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var steps = new List<int>();
        for (var n = 1; n <= max; n *= 2)
        {
            steps.Add(n);
        }

        if (steps[^1] != max)
        {
            steps.Add(max);
        }

        return steps;
    }
}
