using System.Globalization;
using IsolationBench.Harness.Hosting;

namespace IsolationBench.Harness.Images;

/// <summary>
/// Where the workloads' sources, Dockerfiles and published binaries are, and publishing them when missing or
/// older than their sources (so `isobench run` from a clone needs no separate build step).
/// </summary>
public sealed class RepositoryLayout(string root)
{
    public string Root { get; } = root;

    public string Images => Path.Combine(Root, "workloads", "images");

    public string Artifacts => Path.Combine(Root, "artifacts");

    public string ProbeProject => Path.Combine(Root, "workloads", "IsolationBench.Probe", "IsolationBench.Probe.csproj");

    /// <summary>Finds the repository root (the folder holding IsolationBench.sln) from a start folder upwards.</summary>
    public static RepositoryLayout? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IsolationBench.sln")))
            {
                return new RepositoryLayout(dir.FullName);
            }
        }

        return null;
    }

    public static string RuntimeIdentifier(string osType) =>
        string.Equals(osType, "windows", StringComparison.OrdinalIgnoreCase) ? "win-x64" : "linux-x64";

    public string ProbeBinary(string rid) =>
        Path.Combine(Artifacts, "probe", rid, rid.StartsWith("win", StringComparison.Ordinal) ? "isobench-probe.exe" : "isobench-probe");

    /// <summary>Publishes the probe for <paramref name="rid"/> unless an up-to-date binary exists; returns its path.</summary>
    public async Task<string> EnsureProbeAsync(string rid, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var binary = ProbeBinary(rid);
        var sources = Path.Combine(Root, "workloads");
        return await EnsurePublishedAsync(ProbeProject, rid, binary, [sources], "the probe", "NativeAOT, ~30 s", [], progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Publishes <paramref name="project"/> unless <paramref name="binary"/> is newer than every source under
    /// <paramref name="sourceRoots"/>; one publisher at a time across processes.
    /// </summary>
    internal async Task<string> EnsurePublishedAsync(
        string project, string rid, string binary, IReadOnlyList<string> sourceRoots, string what, string cost, string[] extra,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        bool UpToDate() => File.Exists(binary) && File.GetLastWriteTimeUtc(binary) >= sourceRoots.Select(NewestSource).Max();
        if (UpToDate())
        {
            return binary;
        }

        using var gate = await PublishLock.AcquireAsync(Artifacts, Path.GetFileNameWithoutExtension(project) + "-" + rid, cancellationToken).ConfigureAwait(false);
        if (UpToDate())
        {
            return binary; // another process published it while we waited
        }

        progress?.Report($"publishing {what} for {rid} ({cost})");
        await ReplaceFolderAsync(Path.GetDirectoryName(binary)!, staging => PublishAsync(project, rid, staging, cancellationToken, extra)).ConfigureAwait(false);
        return File.Exists(binary) ? binary : throw new UsageException($"dotnet publish did not produce {binary}");
    }

    /// <summary>
    /// Fills <paramref name="folder"/> anew: <paramref name="fill"/> writes a sibling staging folder, which then takes the
    /// old folder's place. dotnet publish into a used folder keeps a file that is newer than the one it would copy
    /// (seen here: a 6.0 Microsoft.Extensions.DependencyInjection.Abstractions.dll from an earlier publish shadowed
    /// ASP.NET Core 10's, and the app service could not start), and never removes what the project no longer has.
    /// When <paramref name="fill"/> fails the old folder stays as it was.
    /// </summary>
    internal static async Task ReplaceFolderAsync(string folder, Func<string, Task> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var staging = folder.TrimEnd(Path.DirectorySeparatorChar) + ".publishing";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        try
        {
            await fill(staging).ConfigureAwait(false);
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.Move(staging, folder);
    }

    internal static DateTime NewestSource(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)))
            .Select(File.GetLastWriteTimeUtc)
            .DefaultIfEmpty(DateTime.MinValue)
            .Max();

    internal static async Task PublishAsync(string project, string rid, string output, CancellationToken cancellationToken, params string[] extra)
    {
        string[] arguments = ["publish", project, "-c", "Release", "-r", rid, "-o", output, "-nologo", "-v", "q", .. extra];
        var (exit, stdout, stderr) = await ChildProcess.RunAsync("dotnet", arguments, cancellationToken).ConfigureAwait(false);
        if (exit != 0)
        {
            var firstError = (stdout + stderr).Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))?.Trim();
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"dotnet publish {Path.GetFileName(project)} -r {rid} failed (exit {exit}): {firstError ?? "see dotnet publish output"} — {NativeAotToolchain.PublishHint(rid)}"));
        }
    }
}
