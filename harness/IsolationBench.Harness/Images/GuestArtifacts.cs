using IsolationBench.Harness;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Hosting;
using IsolationBench.Harness.Images;

namespace IsolationBench.Harness.Images;

/// <summary>
/// The guest benchmark binary (self-contained .NET, published from benchmarks/) and its Linux image on the
/// debootstrap base (workloads/images/build-guest-base.sh), both built here without a registry.
/// </summary>
public sealed class GuestArtifacts(RepositoryLayout layout)
{
    public string Project => Path.Combine(layout.Root, "benchmarks", "IsolationBench.Benchmarks.Guest", "IsolationBench.Benchmarks.Guest.csproj");

    public string PublishDirectory(string rid) => Path.Combine(layout.Artifacts, "guest", rid);

    public string Binary(string rid) =>
        Path.Combine(PublishDirectory(rid), rid.StartsWith("win", StringComparison.Ordinal) ? "isobench-guest.exe" : "isobench-guest");

    /// <summary>Publishes the guest for <paramref name="rid"/> unless an up-to-date publish exists.</summary>
    public Task<string> EnsurePublishedAsync(string rid, IProgress<string>? progress, CancellationToken cancellationToken) =>
        layout.EnsurePublishedAsync(
            Project,
            rid,
            Binary(rid),
            [Path.Combine(layout.Root, "benchmarks"), Path.Combine(layout.Root, "workloads", "IsolationBench.Fingerprint")],
            "the guest benchmarks",
            "self-contained, ~1 min",
            ["--self-contained"],
            progress,
            cancellationToken);

    /// <summary>
    /// Builds (or reuses) the guest image for the engine's OS. Linux: on the debootstrap base from
    /// build-guest-base.sh (root, ~1 min once; <paramref name="linuxBase"/> when the caller started it earlier, see
    /// <see cref="EnsureLinuxBaseAsync"/>). Windows: on nanoserver of the tag chosen for the host build.
    /// </summary>
    public async Task<BuiltImage> EnsureImageAsync(IContainerEngine engine, string osType, string? windowsTag, string version, IProgress<string>? progress, CancellationToken cancellationToken, Task<string>? linuxBase = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var rid = RepositoryLayout.RuntimeIdentifier(osType);
        var windows = rid.StartsWith("win", StringComparison.Ordinal);
        await EnsurePublishedAsync(rid, progress, cancellationToken).ConfigureAwait(false);
        var buildArgs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (windows)
        {
            buildArgs["WINDOWS_TAG"] = windowsTag ?? throw new ArgumentNullException(nameof(windowsTag));
        }
        else
        {
            buildArgs["BASE"] = await (linuxBase ?? EnsureLinuxBaseAsync(engine, progress, cancellationToken)).ConfigureAwait(false);
        }

        var publish = PublishDirectory(rid);
        var files = Directory.EnumerateFiles(publish, "*", SearchOption.AllDirectories)
            .Select(f => new ContextFile(f, Path.GetRelativePath(publish, f).Replace('\\', '/'), Executable: Path.GetFileName(f) == "isobench-guest" || f.EndsWith(".so", StringComparison.Ordinal)))
            .ToList();
        var recipe = new ImageRecipe(
            ImageRecipe.GuestRepository,
            version,
            ImageRecipe.PlatformFor(windows ? windowsTag : null),
            Path.Combine(layout.Images, windows ? "Dockerfile.guest.windows" : "Dockerfile.guest.linux"),
            files,
            [],
            buildArgs);
        return await new ImageBuilder(engine).EnsureAsync(recipe, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The Linux guest base image's tag, built first when missing. debootstrap mostly waits on the mirror and the disk,
    /// so a run starts it before publishing the probe and the guest (which keep the CPUs busy) and awaits it last:
    /// on a fresh machine that hid ~1 min of the first run's setup.
    /// </summary>
    public async Task<string> EnsureLinuxBaseAsync(IContainerEngine engine, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var script = Path.Combine(layout.Images, "build-guest-base.sh");
        var tag = (await RunScriptAsync(script, ["--print-tag"], cancellationToken).ConfigureAwait(false)).Trim();
        if (await engine.InspectImageAsync(tag, cancellationToken).ConfigureAwait(false) is not null)
        {
            return tag;
        }

        progress?.Report($"building the guest base image {tag} with debootstrap (root, ~1 min, once; beside the publishes)");
        await RunScriptAsync(script, [], cancellationToken).ConfigureAwait(false);
        return tag;
    }

    private static async Task<string> RunScriptAsync(string script, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var (exit, stdout, stderr) = await ChildProcess.RunAsync("bash", [script, .. args], cancellationToken).ConfigureAwait(false);
        return exit == 0
            ? stdout
            : throw new UsageException($"{Path.GetFileName(script)} failed: {stderr.Trim().Split('\n').LastOrDefault()}");
    }
}
