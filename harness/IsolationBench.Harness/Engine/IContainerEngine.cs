namespace IsolationBench.Harness.Engine;

/// <summary>
/// What the harness needs from a container engine, in plain records. <see cref="DockerEngine"/> is the only
/// implementation that talks to a real engine (and the only code that knows Docker.DotNet).
/// </summary>
public interface IContainerEngine : IAsyncDisposable
{
    /// <summary>The endpoint in use, e.g. unix:///var/run/docker.sock or npipe://./pipe/docker_engine.</summary>
    string Endpoint { get; }

    Task<EngineFacts> GetFactsAsync(CancellationToken cancellationToken);

    /// <summary>Asks the engine to answer at all (its /_ping, on a new connection); throws <see cref="EngineUnavailableException"/> when it does not.</summary>
    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>The image's id and labels, or null when the engine does not have it.</summary>
    Task<ImageFacts?> InspectImageAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Builds an image from a tar build context; returns the image id.</summary>
    Task<string> BuildImageAsync(ImageBuildRequest request, Stream contextTar, IProgress<string>? progress, CancellationToken cancellationToken);

    Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken);

    /// <summary>Attaches to stdout/stderr before start, so the first line written is never missed.</summary>
    Task<IContainerOutput> AttachAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>No per-call timeout (nor in create): the caller's token carries the container's, i.e. the mode's, deadline.</summary>
    Task StartAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Waits until the container stops; returns its exit code.</summary>
    Task<long> WaitAsync(string containerId, CancellationToken cancellationToken);

    Task<ContainerStateFacts> InspectStateAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>The container's configuration as the engine recorded it (runtime, isolation, limits).</summary>
    Task<ContainerConfigFacts> InspectConfigAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>The host port the engine bound for <paramref name="containerPort"/>/tcp of a started container (<see cref="ContainerSpec.PublishedPorts"/>).</summary>
    Task<int> PublishedPortAsync(string containerId, int containerPort, CancellationToken cancellationToken);

    Task KillAsync(string containerId, CancellationToken cancellationToken);

    Task RemoveAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>A tar stream of a path inside a (stopped) container, through the engine's archive API.</summary>
    Task<Stream> GetArchiveAsync(string containerId, string path, CancellationToken cancellationToken);

    /// <summary>
    /// Streams the engine's container events (create, start, die, destroy) of containers labelled
    /// <paramref name="labelKey"/>=<paramref name="labelValue"/>, from <paramref name="since"/> on, until cancelled
    /// (then it returns normally). <paramref name="onEvent"/> is called in the engine's order.
    /// </summary>
    Task WatchContainerEventsAsync(string labelKey, string labelValue, DateTimeOffset since, Action<ContainerEvent> onEvent, CancellationToken cancellationToken);

    /// <summary>Ids of all containers (running or not) carrying the label key (and value, when given).</summary>
    Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(string labelKey, string? labelValue, CancellationToken cancellationToken);
}

/// <summary>The attached output of one container.</summary>
public interface IContainerOutput : IDisposable
{
    /// <summary>Reads the next chunk; returns null at end of stream.</summary>
    Task<OutputChunk?> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);
}

public readonly record struct OutputChunk(int Count, bool IsStdErr);
