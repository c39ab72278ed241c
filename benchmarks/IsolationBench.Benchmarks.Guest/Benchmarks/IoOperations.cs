namespace IsolationBench.Benchmarks.Guest.Benchmarks;

/// <summary>When the data of a write is forced to the device.</summary>
public enum FsyncPolicy
{
    /// <summary>Never (reads, or writes left in the page cache).</summary>
    None,

    /// <summary>One fsync after the last write, inside the timing (fio --end_fsync=1).</summary>
    AtEnd,

    /// <summary>An fsync after every write (fio --fsync=1).</summary>
    EveryWrite,
}

/// <summary>
/// One io operation as both sides run it: our benchmark (<see cref="Benchmark"/> on <see cref="IoBenchmarks"/>) and
/// its fio job (<see cref="Fio.FioJobs"/> builds the command line from this record alone). Queue depth is 1 on
/// both sides by construction: ours issues one pread/pwrite at a time, fio runs psync with --iodepth=1.
/// <see cref="Operations"/> 0 means "the whole file once".
/// </summary>
public sealed record IoOperation(
    string Benchmark,
    string FioRw,
    int BlockBytes,
    long FileBytes,
    int Operations,
    bool Direct,
    FsyncPolicy Fsync,
    bool DropCacheBefore,
    bool RandomHint);

/// <summary>
/// The single definition of the io operations fio referees. IoBenchmarks' constants and attributes, and every
/// fio argument that shapes the operation, come from here; a test holds both sides to it.
/// <code>
/// | benchmark            | fio --rw  | --bs  | --size  | ops (--number_ios) | --direct | fsync          | cache before                  | hint   |
/// |----------------------|-----------|-------|---------|--------------------|----------|----------------|-------------------------------|--------|
/// | SequentialWrite1MiB  | write     | 1 MiB | 256 MiB | whole file         | 0        | end (timed)    | new file each iteration       | none   |
/// | RandomRead4KiB       | randread  | 4 KiB | 256 MiB | 4096 distinct      | 0        | –              | DONTNEED (--invalidate=1)     | random |
/// | RandomRead4KiBDirect | randread  | 4 KiB | 256 MiB | 4096 distinct      | 1        | –              | DONTNEED (--invalidate=1)     | random |
/// </code>
/// </summary>
public static class IoOperations
{
    public static readonly IoOperation SequentialWrite = new(
        nameof(IoBenchmarks.SequentialWrite1MiB), "write", IoBenchmarks.Block, IoBenchmarks.SequentialBytes, 0,
        Direct: false, FsyncPolicy.AtEnd, DropCacheBefore: false, RandomHint: false);

    public static readonly IoOperation RandomRead = new(
        nameof(IoBenchmarks.RandomRead4KiB), "randread", IoBenchmarks.SmallBlock, IoBenchmarks.SequentialBytes, IoBenchmarks.RandomReads,
        Direct: false, FsyncPolicy.None, DropCacheBefore: true, RandomHint: true);

    public static readonly IoOperation RandomReadDirect = new(
        nameof(IoBenchmarks.RandomRead4KiBDirect), "randread", IoBenchmarks.SmallBlock, IoBenchmarks.SequentialBytes, IoBenchmarks.RandomReads,
        Direct: true, FsyncPolicy.None, DropCacheBefore: true, RandomHint: true);

    public static IReadOnlyList<IoOperation> Refereed { get; } = [SequentialWrite, RandomRead, RandomReadDirect];
}
