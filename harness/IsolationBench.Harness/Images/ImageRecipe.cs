namespace IsolationBench.Harness.Images;

/// <summary>
/// Everything that goes into one local image: the Dockerfile, the files of the build context, build args.
/// Its content hash decides whether an existing image can be reused.
/// </summary>
public sealed record ImageRecipe(
    string Repository,
    string Version,
    string Platform,
    string DockerfilePath,
    IReadOnlyList<ContextFile> Files,
    IReadOnlyList<string> EmptyDirectories,
    IReadOnlyDictionary<string, string> BuildArgs)
{
    public const string ProbeRepository = "isolationbench/probe";
    public const string GuestRepository = "isolationbench/guest";

    /// <summary>e.g. isolationbench/probe:0.1.0-linux — the tag carries the tool version.</summary>
    public string Tag => TagOf(Repository, Version, Platform);

    /// <summary>"linux", or "windows-&lt;nanoserver tag&gt;" (one image per Windows host build).</summary>
    public static string PlatformFor(string? windowsTag) => windowsTag is null ? "linux" : "windows-" + windowsTag;

    public static string TagOf(string repository, string version, string platform) => $"{repository}:{version}-{platform}";
}

/// <summary>A file of the build context: where it is on disk and its path inside the context.</summary>
public sealed record ContextFile(string SourcePath, string ContextPath, bool Executable);
