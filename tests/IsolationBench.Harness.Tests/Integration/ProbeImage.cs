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
        var image = await new ImageBuilder(engine).EnsureAsync(ProbeImageRecipe.For(layout, probe, RunSession.ToolVersion, windowsTag: null), null, CancellationToken.None);
        return image.Tag;
    }
}
