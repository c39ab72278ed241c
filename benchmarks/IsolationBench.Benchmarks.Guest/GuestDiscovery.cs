using BenchmarkDotNet.Running;

namespace IsolationBench.Benchmarks.Guest;

/// <summary>
/// What one category runs on a platform: BenchmarkDotNet's own discovery over the category's classes with the
/// config's filters (the platform's, and --filter), classes left with no benchmark dropped. The guest runs
/// exactly this list, and tests ask it for Windows on Linux.
/// </summary>
public static class GuestDiscovery
{
    public static IReadOnlyList<BenchmarkRunInfo> For(GuestOptions options, string category, GuestPlatform platform)
    {
        var config = GuestConfig.Create(options, category, platform);
        return [.. GuestCategories.BenchmarkTypes(category, platform)
            .Select(type => BenchmarkConverter.TypeToBenchmarks(type, config))
            .Where(run => run.BenchmarksCases.Length > 0)];
    }
}
