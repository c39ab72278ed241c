namespace IsolationBench.Harness.Engine;

/// <summary>
/// An image's filesystem and process defaults, for running it without the engine (an OCI bundle for a runtime
/// binary). Kept apart from <see cref="IContainerEngine"/> so that the engine fakes need not grow.
/// </summary>
public interface IImageFilesystem
{
    /// <summary>What the image asks of its process: entrypoint, cmd, env, user, working dir.</summary>
    Task<ImageProcessConfig> InspectImageProcessAsync(string reference, CancellationToken cancellationToken);

    /// <summary>
    /// Streams the image's flattened filesystem as a tar to <paramref name="consume"/>. Engines export containers,
    /// not images: a container of the image is created (never started) with <paramref name="labels"/>, so the
    /// label janitor finds it if we die, and removed when <paramref name="consume"/> returns or fails.
    /// </summary>
    Task ExportImageFilesystemAsync(string reference, IReadOnlyDictionary<string, string> labels, Func<Stream, CancellationToken, Task> consume, CancellationToken cancellationToken);
}

/// <summary>The image config fields that decide the process (docker inspect .Config).</summary>
public sealed record ImageProcessConfig(IReadOnlyList<string> Entrypoint, IReadOnlyList<string> Cmd, IReadOnlyList<string> Env, string User, string WorkingDir);
