using IsolationBench.Harness;
using System.Globalization;

namespace IsolationBench.Workloads.Density;

/// <summary>
/// Whether the ladder may climb to its next step: not when MemAvailable, less what the containers to add are expected
/// to take (the per-container cost seen so far), would fall under the floor — so that the ladder never drives the host
/// into swap or the OOM killer.
/// </summary>
public static class DensityStopRule
{
    public const double DefaultFloor = 0.20;

    /// <param name="now">The host's memory with <paramref name="alive"/> containers running.</param>
    /// <param name="perContainerBytes">The cost of one container so far (the drop of MemAvailable / alive); before the first step, an assumption.</param>
    /// <returns>Null to go on, else why the ladder stops before <paramref name="next"/> (one line, for samples.csv).</returns>
    public static string? BeforeStep(MemInfo now, int alive, int next, double perContainerBytes, double floor)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentOutOfRangeException.ThrowIfLessThan(next, alive + 1);
        var floorBytes = now.TotalBytes * floor;
        var expected = now.AvailableBytes - ((next - alive) * Math.Max(0, perContainerBytes));
        return expected >= floorBytes
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"stopped before {next} containers: MemAvailable would fall to {Mib(expected):0} MiB, under the floor of {floor * 100:0.#} % ({Mib(floorBytes):0} MiB)");
    }

    private static double Mib(double bytes) => bytes / (1024.0 * 1024.0);
}
