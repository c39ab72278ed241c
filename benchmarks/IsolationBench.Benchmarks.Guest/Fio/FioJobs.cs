using System.Globalization;
using IsolationBench.Benchmarks.Guest.Benchmarks;

namespace IsolationBench.Benchmarks.Guest.Fio;

/// <summary>One fio run: the file name under &lt;artifacts&gt;/fio/ (without .json) and fio's command line.</summary>
public sealed record FioRun(string Name, IReadOnlyList<string> Arguments);

/// <summary>
/// The fio command lines that repeat what <see cref="IoBenchmarks"/> measures on the layer target, so the two
/// can be compared figure by figure. Pure: builds arguments, runs nothing. A command line is one job, named like our
/// metric (<c>SequentialWrite1MiB@layer</c>; the converter prefixes it with "fio."): <see cref="FioInterleave"/> runs
/// one beside each of our iterations, so fio's warmups are the jobs beside BenchmarkDotNet's warmup iterations.
/// The random reads read our own read file (<see cref="IoBenchmarks.ReadFileName"/>, written and fsynced by our
/// setup): the same extents of the same file system, and no second 256 MiB file laid out per container.
/// </summary>
public static class FioJobs
{
    public const string SubDirectory = "isobench-fio";

    /// <summary>The fio file each operation works on: the writes their own new file, the random reads ours.</summary>
    public static string FileName(IoOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return IsWrite(operation) ? "sequential-write.dat" : IoBenchmarks.ReadFileName;
    }

    /// <summary>Where the operation's file lives: fio's own folder for writes (unlinked after each job), ours for reads.</summary>
    public static string DirectoryOf(IoOperation operation, string layerDir)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(layerDir);
        return Path.Combine(layerDir, InOwnDirectory(operation) ? SubDirectory : IoBenchmarks.SubDirectory);
    }

    /// <summary>The job of every refereed operation, in <see cref="IoOperations.Refereed"/>'s order.</summary>
    public static IReadOnlyList<FioRun> For(string layerDir) =>
        [.. IoOperations.Refereed.Select(operation => For(operation, layerDir))];

    /// <summary>The fio job of one operation on the layer target.</summary>
    public static FioRun For(IoOperation operation, string layerDir)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(layerDir);
        var name = operation.Benchmark + "@" + IoTargets.Layer;
        return new FioRun(name, Job(DirectoryOf(operation, layerDir), name, Workload(operation)));
    }

    /// <summary>Whether the operation works in fio's own folder (deleted after its job) rather than in ours.</summary>
    public static bool InOwnDirectory(IoOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return IsWrite(operation);
    }

    private static bool IsWrite(IoOperation operation) => operation.FioRw == "write";

    /// <summary>
    /// The options that shape one operation, all from its <see cref="IoOperation"/>. Writes: ours creates a new file
    /// (deleted right after each iteration, outside the timing) and never preallocates, so fio unlinks after each job
    /// (unlink=1) and does not fallocate (its default would turn our extending writes into writes to allocated
    /// extents); end_fsync=1 is inside fio's runtime as our fsync is inside ours. Reads: ours writes and fsyncs
    /// the 256 MiB file in setup and drops its pages before each iteration; fio reads that same file (it lays one
    /// out only when ours is missing, untimed), invalidate=1 is the same DONTNEED at each job's open, fio's random
    /// map (on by default) keeps offsets distinct as ours are, and randrepeat=0 gives each job new offsets as each of
    /// our iterations draws new pages: with fio's default (randrepeat=1) every fio process seeds alike, and every
    /// interleaved job — in every container — read the same 4096 pages (two jobs' logged offsets were identical).
    /// </summary>
    public static IReadOnlyList<string> Workload(IoOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var options = new List<string>
        {
            "--filename=" + FileName(operation),
            "--rw=" + operation.FioRw,
            Bytes("--bs", operation.BlockBytes),
            Bytes("--size", operation.FileBytes),
            "--direct=" + (operation.Direct ? "1" : "0"),
            "--fadvise_hint=" + (operation.RandomHint ? "random" : "0"),
        };
        if (operation.FioRw.StartsWith("rand", StringComparison.Ordinal))
        {
            options.Add("--randrepeat=0");
        }

        if (operation.Operations > 0)
        {
            options.Add(Bytes("--number_ios", operation.Operations));
        }

        if (operation.DropCacheBefore)
        {
            options.Add("--invalidate=1");
        }

        switch (operation.Fsync)
        {
            case FsyncPolicy.AtEnd:
                options.Add("--end_fsync=1");
                break;
            case FsyncPolicy.EveryWrite:
                options.Add("--fsync=1");
                break;
        }

        if (IsWrite(operation))
        {
            options.AddRange(["--fallocate=none", "--unlink=1"]);
        }

        return options;
    }

    private static List<string> Job(string directory, string name, IReadOnlyList<string> workload) =>
    [
        "--output-format=json",
        "--directory=" + directory,
        "--ioengine=psync", // pread/pwrite, one at a time, as RandomAccess.Read/Write and Libc.Pread do
        "--iodepth=1",      // queue depth 1, as ours (psync ignores deeper queues anyway: said, not assumed)
        .. workload,
        "--name=" + name,
    ];

    internal static string Bytes(string option, long value) =>
        option + "=" + value.ToString(CultureInfo.InvariantCulture);
}
