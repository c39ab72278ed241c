using IsolationBench.Harness;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Workloads.Startup.RuntimeDirect;

/// <summary>Prepares an OCI bundle (rootfs + config.json) from an image, through the engine's export, once per run.</summary>
public static class OciBundle
{
    public const string ConfigFile = "config.json";

    /// <param name="labels">Put on the export's temporary container, so the label janitor removes it if we die.</param>
    /// <param name="hostname">Also the engine's choice of hostname for a container: its short id.</param>
    public static async Task<ImageProcessConfig> PrepareAsync(IImageFilesystem images, string image, IReadOnlyDictionary<string, string> labels, string bundleDir, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        var rootfs = Path.Combine(bundleDir, "rootfs");
        Directory.CreateDirectory(rootfs);
        var process = await images.InspectImageProcessAsync(image, cancellationToken).ConfigureAwait(false);
        // Spooled to a file first: the engine's HTTP stream read entry by entry ended early ("read past the end").
        var spool = Path.Combine(bundleDir, "rootfs.tar");
        try
        {
            await images.ExportImageFilesystemAsync(
                image,
                labels,
                async (tar, ct) =>
                {
                    var file = File.Create(spool);
                    await using (file.ConfigureAwait(false))
                    {
                        await tar.CopyToAsync(file, ct).ConfigureAwait(false);
                    }
                },
                cancellationToken).ConfigureAwait(false);
            var read = File.OpenRead(spool);
            await using (read.ConfigureAwait(false))
            {
                await RootfsExtractor.ExtractAsync(read, rootfs, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            File.Delete(spool);
        }

        return process;
    }

    /// <summary>Writes config.json for one container; a bundle's config is per container (hostname, cgroup path).</summary>
    public static async Task WriteConfigAsync(string bundleDir, BundleSpec spec, string cgroupsPath, CancellationToken cancellationToken) =>
        await File.WriteAllTextAsync(Path.Combine(bundleDir, ConfigFile), OciConfig.Render(spec, cgroupsPath), cancellationToken).ConfigureAwait(false);
}
