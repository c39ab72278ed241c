namespace IsolationBench.Harness.Images;

/// <summary>The startup probe's image: the published probe binary on scratch (Linux) or nanoserver (Windows).</summary>
public static class ProbeImageRecipe
{
    /// <param name="windowsTag">The nanoserver tag for a Windows engine (chosen from the host build); null on Linux.</param>
    public static ImageRecipe For(RepositoryLayout layout, string binary, string version, string? windowsTag)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var windows = windowsTag is not null;
        return new ImageRecipe(
            ImageRecipe.ProbeRepository,
            version,
            ImageRecipe.PlatformFor(windowsTag),
            Path.Combine(layout.Images, windows ? "Dockerfile.probe.windows" : "Dockerfile.probe.linux"),
            [new ContextFile(binary, Path.GetFileName(binary), Executable: true)],
            windows ? [] : ["tmp"],
            windows ? new Dictionary<string, string>(StringComparer.Ordinal) { ["WINDOWS_TAG"] = windowsTag! } : new Dictionary<string, string>(StringComparer.Ordinal));
    }
}
