using System.Globalization;
using IsolationBench.Benchmarks.Guest.Benchmarks;

namespace IsolationBench.Benchmarks.Guest.Fio;

/// <summary>One fio run: the file name under &lt;artifacts&gt;/fio/ (without .json) and fio's command line.</summary>
public sealed record FioRun(string Name, IReadOnlyList<string> Arguments);

/// <summary>
/// The fio command lines that repeat what <see cref="IoBenchmarks"/> measures on the layer target, so the two
/// can be compared figure by figure. Pure: builds arguments, runs nothing. Every job is named like our metric
/// (<c>SequentialWrite1MiB@layer</c>); the converter prefixes it with "fio.". One fio job per iteration, each
/// after the previous one ended (stonewall), because fio's loops= would merge them into one figure. Warmup jobs
/// first, as many as BDN's warmup iterations and named <see cref="WarmupPrefix"/> + name: measured, then
/// skipped by the converter, so neither side's figures include a cold first run (fio's first job was the
/// slowest of its three in 5 of 6 captured runs, ours never is: BDN discards it).
/// The random reads read our own read file (<see cref="IoBenchmarks.ReadFileName"/>, written and fsynced by our
/// setup): the same extents of the same file system, and no second 256 MiB file laid out per container.
/// </summary>
public static class FioJobs
{
    public const string SubDirectory = "isobench-fio";
    public const string WarmupPrefix = "warmup.";

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
    public static IReadOnlyList<FioRun> For(string layerDir, int warmups, int iterations) =>
        [.. IoOperations.Refereed.Select(operation => For(operation, layerDir, warmups, iterations))];

    /// <summary>The fio job of one operation on the layer target: <paramref name="warmups"/> warmup jobs, then one job per iteration.</summary>
    public static FioRun For(IoOperation operation, string layerDir, int warmups, int iterations)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(layerDir);
        ArgumentOutOfRangeException.ThrowIfNegative(warmups);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var name = operation.Benchmark + "@" + IoTargets.Layer;
        return new FioRun(name, Jobs(DirectoryOf(operation, layerDir), name, warmups, iterations, Workload(operation)));
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
    /// map (on by default) keeps offsets distinct as ours are, and each job gets new offsets as each of our
    /// iterations draws new pages.
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

    private static List<string> Jobs(string directory, string name, int warmups, int iterations, IReadOnlyList<string> workload)
    {
        // Options before the first --name are global: they apply to every job that follows.
        var arguments = new List<string>
        {
            "--output-format=json",
            "--directory=" + directory,
            "--ioengine=psync", // pread/pwrite, one at a time, as RandomAccess.Read/Write and Libc.Pread do
            "--iodepth=1",      // queue depth 1, as ours (psync ignores deeper queues anyway: said, not assumed)
        };
        arguments.AddRange(workload);
        for (var i = 0; i < warmups + iterations; i++)
        {
            // Per job, not global: job n+1 starts after job n ended (one job = one iteration, never two at once).
            arguments.Add("--name=" + (i < warmups ? WarmupPrefix : string.Empty) + name);
            arguments.Add("--stonewall");
        }

        return arguments;
    }

    internal static string Bytes(string option, long value) =>
        option + "=" + value.ToString(CultureInfo.InvariantCulture);
}
