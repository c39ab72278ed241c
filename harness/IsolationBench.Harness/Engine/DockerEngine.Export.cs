using Docker.DotNet.Models;

namespace IsolationBench.Harness.Engine;

/// <summary>The image's filesystem for runtime-direct bundles (<see cref="IImageFilesystem"/>).</summary>
public sealed partial class DockerEngine : IImageFilesystem
{
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromMinutes(5);

    public async Task<ImageProcessConfig> InspectImageProcessAsync(string reference, CancellationToken cancellationToken)
    {
        var image = await Call(ct => _client.Images.InspectImageAsync(reference, ct), "inspect image " + reference, cancellationToken).ConfigureAwait(false);
        var config = image.Config;
        return new ImageProcessConfig(
            config?.Entrypoint is { } entrypoint ? [.. entrypoint] : [],
            config?.Cmd is { } cmd ? [.. cmd] : [],
            config?.Env is { } env ? [.. env] : [],
            config?.User ?? string.Empty,
            config?.WorkingDir ?? string.Empty);
    }

    public async Task ExportImageFilesystemAsync(string reference, IReadOnlyDictionary<string, string> labels, Func<Stream, CancellationToken, Task> consume, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(consume);
        var parameters = new CreateContainerParameters
        {
            Image = reference,
            Labels = new Dictionary<string, string>(labels),
            NetworkDisabled = true,
            HostConfig = new HostConfig { NetworkMode = "none" },
        };
        var created = await Call(ct => _client.Containers.CreateContainerAsync(parameters, ct), "create a container of " + reference + " to export it", cancellationToken).ConfigureAwait(false);
        try
        {
            var tar = await Call(ct => _client.Containers.ExportContainerAsync(created.ID, ct), "export the filesystem of " + reference, cancellationToken).ConfigureAwait(false);
            await using (tar.ConfigureAwait(false))
            {
                // Outside Call: the consumer's own failures (a full disk, a bad entry) are not the engine's.
                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                bounded.CancelAfter(ExportTimeout);
                await consume(tar, bounded.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            // Removed even when the caller cancelled: our own bounded token.
            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await RemoveAsync(created.ID, cleanup.Token).ConfigureAwait(false);
        }
    }
}
