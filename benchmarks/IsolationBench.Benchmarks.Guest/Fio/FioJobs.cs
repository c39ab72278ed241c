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
/// </summary>
public static class FioJobs
{
    public const string SubDirectory = "isobench-fio";
    public const string WarmupPrefix = "warmup.";

    public static IReadOnlyList<FioRun> For(string layerDir, int warmups, int iterations)
    {
        ArgumentNullException.ThrowIfNull(layerDir);
        ArgumentOutOfRangeException.ThrowIfNegative(warmups);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var directory = Path.Combine(layerDir, SubDirectory);
        return
        [
            new FioRun(nameof(IoBenchmarks.SequentialWrite1MiB) + "@" + IoTargets.Layer, Jobs(
                directory,
                nameof(IoBenchmarks.SequentialWrite1MiB) + "@" + IoTargets.Layer,
                warmups,
                iterations,
                [
                    // Ours: a new file (the previous one is deleted outside the timing), 1 MiB pwrites, one fsync
                    // at the end, timed. fio: unlink=1 removes the file after each job so the next one creates it;
                    // fallocate=none because ours never preallocates (fio's default would fallocate the file
                    // first, turning our extending writes into writes to already allocated extents);
                    // fadvise_hint=0 because ours gives no sequential hint; end_fsync=1 is inside fio's runtime.
                    "--filename=sequential-write.dat",
                    "--rw=write",
                    Bytes("--bs", IoBenchmarks.Block),
                    Bytes("--size", IoBenchmarks.SequentialBytes),
                    "--end_fsync=1",
                    "--fallocate=none",
                    "--fadvise_hint=0",
                    "--unlink=1",
                ])),
            new FioRun(nameof(IoBenchmarks.RandomRead4KiB) + "@" + IoTargets.Layer, Jobs(
                directory,
                nameof(IoBenchmarks.RandomRead4KiB) + "@" + IoTargets.Layer,
                warmups,
                iterations,
                [
                    // Ours: a 256 MiB file written and fsynced in setup, its pages dropped with
                    // posix_fadvise(DONTNEED) before each iteration, then 4096 distinct random 4 KiB preads with
                    // POSIX_FADV_RANDOM. fio: the first job lays the file out (fsynced: create_fsync, untimed),
                    // invalidate=1 is the same DONTNEED at each job's open, the random map (on by default)
                    // keeps offsets distinct, fadvise_hint=random is POSIX_FADV_RANDOM, number_ios = our count.
                    // fio seeds each job differently (new offsets per job); ours draws new pages per iteration.
                    "--filename=read.dat",
                    "--rw=randread",
                    Bytes("--bs", IoBenchmarks.SmallBlock),
                    Bytes("--size", IoBenchmarks.SequentialBytes),
                    Bytes("--number_ios", IoBenchmarks.RandomReads),
                    "--invalidate=1",
                    "--fadvise_hint=random",
                ])),
        ];
    }

    private static List<string> Jobs(string directory, string name, int warmups, int iterations, IReadOnlyList<string> workload)
    {
        // Options before the first --name are global: they apply to every job that follows.
        var arguments = new List<string>
        {
            "--output-format=json",
            "--directory=" + directory,
            "--ioengine=psync", // pread/pwrite, one at a time, as RandomAccess.Read/Write do
            "--direct=0",       // buffered, as ours (no O_DIRECT)
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

    private static string Bytes(string option, long value) =>
        option + "=" + value.ToString(CultureInfo.InvariantCulture);
}
