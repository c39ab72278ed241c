using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Images;

/// <summary>
/// Builds workload images locally from what was published (no registry), and skips the build when an image with
/// the same tag and the same content hash (label) already exists.
/// </summary>
public sealed class ImageBuilder(IContainerEngine engine)
{
    public const string ContentLabel = "isolationbench.content";
    public const string VersionLabel = "isolationbench.version";

    public async Task<BuiltImage> EnsureAsync(ImageRecipe recipe, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        foreach (var file in recipe.Files.Where(f => !File.Exists(f.SourcePath)))
        {
            throw new UsageException($"cannot build {recipe.Tag}: {file.SourcePath} is missing (publish the workload first)");
        }

        var hash = await ContentHashAsync(recipe, cancellationToken).ConfigureAwait(false);
        var existing = await engine.InspectImageAsync(recipe.Tag, cancellationToken).ConfigureAwait(false);
        if (existing is not null && existing.Labels.TryGetValue(ContentLabel, out var label) && label == hash)
        {
            return new BuiltImage(recipe.Tag, existing.Id, hash, Reused: true);
        }

        progress?.Report($"building {recipe.Tag}");
        using var context = new MemoryStream();
        await WriteContextAsync(recipe, context, cancellationToken).ConfigureAwait(false);
        context.Position = 0;
        var request = new ImageBuildRequest(
            recipe.Tag,
            "Dockerfile",
            new Dictionary<string, string> { [ContentLabel] = hash, [VersionLabel] = recipe.Version },
            recipe.BuildArgs);
        var id = await engine.BuildImageAsync(request, context, progress, cancellationToken).ConfigureAwait(false);
        return new BuiltImage(recipe.Tag, id, hash, Reused: false);
    }

    /// <summary>SHA-256 over the Dockerfile, every context file (path, mode, bytes) and the build args.</summary>
    public static async Task<string> ContentHashAsync(ImageRecipe recipe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(await File.ReadAllBytesAsync(recipe.DockerfilePath, cancellationToken).ConfigureAwait(false));
        foreach (var file in recipe.Files.OrderBy(f => f.ContextPath, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"\n{file.ContextPath}:{file.Executable}\n"));
            sha.AppendData(await File.ReadAllBytesAsync(file.SourcePath, cancellationToken).ConfigureAwait(false));
        }

        foreach (var dir in recipe.EmptyDirectories.Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"\ndir:{dir}\n"));
        }

        foreach (var (key, value) in recipe.BuildArgs.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"\narg:{key}={value}\n"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static async Task WriteContextAsync(ImageRecipe recipe, Stream output, CancellationToken cancellationToken)
    {
        await using var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        var dockerfile = new PaxTarEntry(TarEntryType.RegularFile, "Dockerfile")
        {
            DataStream = new MemoryStream(await File.ReadAllBytesAsync(recipe.DockerfilePath, cancellationToken).ConfigureAwait(false)),
            Mode = (UnixFileMode)0b110_100_100,
        };
        await tar.WriteEntryAsync(dockerfile, cancellationToken).ConfigureAwait(false);
        foreach (var dir in recipe.EmptyDirectories)
        {
            // World-writable with the sticky bit, like a real /tmp.
            var entry = new PaxTarEntry(TarEntryType.Directory, dir.TrimEnd('/') + "/") { Mode = (UnixFileMode)0b1_111_111_111 };
            await tar.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        foreach (var file in recipe.Files)
        {
            await using var data = File.OpenRead(file.SourcePath);
            var entry = new PaxTarEntry(TarEntryType.RegularFile, file.ContextPath)
            {
                DataStream = data,
                Mode = file.Executable ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100,
            };
            await tar.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
        }
    }
}

public sealed record BuiltImage(string Tag, string Id, string ContentHash, bool Reused);
