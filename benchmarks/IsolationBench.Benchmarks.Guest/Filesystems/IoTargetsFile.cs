using System.Text.Json;
using System.Text.Json.Serialization;
using IsolationBench.Benchmarks.Guest.Native;
using IsolationBench.Fingerprint;

namespace IsolationBench.Benchmarks.Guest.Filesystems;

/// <summary>
/// One io target as the guest sees it: statfs's filesystem type and the mount's type, options and source from
/// /proc/self/mountinfo, so the report can say what each mode wrote to (an fsync on tmpfs does nothing).
/// </summary>
public sealed record IoTargetFacts(
    string Target,
    string Path,
    string FsType,
    string FsMagic,
    string? MountPoint,
    string? MountFsType,
    string? MountSource,
    string? MountOptions,
    string? SuperOptions);

/// <summary>io-targets.json beside BenchmarkDotNet's results: the facts of every io target of this run (Linux only).</summary>
public static class IoTargetsFile
{
    public const string FileName = "io-targets.json";
    private const string MountInfoPath = "/proc/self/mountinfo";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task WriteAsync(GuestOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!OperatingSystem.IsLinux())
        {
            return; // no statfs/mountinfo; the report says "filesystem not recorded"
        }

        var mounts = File.Exists(MountInfoPath)
            ? MountInfo.Parse(await File.ReadAllTextAsync(MountInfoPath, cancellationToken).ConfigureAwait(false))
            : [];
        var targets = new List<IoTargetFacts> { Describe(IoTargets.Layer, options.LayerDir, mounts) };
        if (options.VolumeDir is { } volume)
        {
            targets.Add(Describe(IoTargets.Volume, volume, mounts));
        }

        await File.WriteAllTextAsync(
            System.IO.Path.Combine(options.ArtifactsDir, FileName), JsonSerializer.Serialize(new { schema = 1, targets }, Json), cancellationToken)
            .ConfigureAwait(false);
    }

    public static unsafe IoTargetFacts Describe(string target, string directory, IReadOnlyList<MountEntry> mounts)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(mounts);
        var path = Libc.AllocPath(directory);
        var buffer = stackalloc byte[Math.Max(Libc.StatfsBufferSize, Libc.StatBufferSize)];
        try
        {
            Libc.Check(Libc.Statfs(path, buffer), "statfs " + directory);
            var magic = *(long*)buffer; // f_type: the first field of struct statfs on 64-bit Linux
            Libc.Check(Libc.Stat(path, buffer), "stat " + directory);
            var device = MountInfo.Split(*(ulong*)buffer); // st_dev: the first field of struct stat
            var resolved = new DirectoryInfo(directory).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? directory;
            var mount = MountInfo.Find(mounts, resolved, device);
            return new IoTargetFacts(
                target,
                directory,
                FileSystemNames.FromMagic(magic),
                FormattableString.Invariant($"0x{magic & 0xFFFFFFFF:x}"),
                mount?.MountPoint,
                mount?.FsType,
                mount?.Source,
                mount?.MountOptions,
                mount?.SuperOptions);
        }
        finally
        {
            System.Runtime.InteropServices.NativeMemory.Free(path);
        }
    }
}
