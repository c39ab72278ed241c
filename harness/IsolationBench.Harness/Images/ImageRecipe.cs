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
    /// <summary>e.g. isolationbench/probe:0.1.0-linux — the tag carries the tool version.</summary>
    public string Tag => $"{Repository}:{Version}-{Platform}";
}

/// <summary>A file of the build context: where it is on disk and its path inside the context.</summary>
public sealed record ContextFile(string SourcePath, string ContextPath, bool Executable);
