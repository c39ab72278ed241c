using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Images;

namespace IsolationBench.Harness.Tests.Integration;

internal static class ProbeImage
{
    /// <summary>The probe image as the harness builds it (reused when up to date).</summary>
    public static async Task<string> EnsureAsync(IContainerEngine engine)
    {
        var layout = RealEngine.Layout;
        var probe = await layout.EnsureProbeAsync("linux-x64", null, CancellationToken.None);
        var image = await new ImageBuilder(engine).EnsureAsync(
            new ImageRecipe("isolationbench/probe", RunSession.ToolVersion, "linux", Path.Combine(layout.Images, "Dockerfile.probe.linux"),
                [new ContextFile(probe, "isobench-probe", true)], ["tmp"], new Dictionary<string, string>()),
            null,
            CancellationToken.None);
        return image.Tag;
    }
}
