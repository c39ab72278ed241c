using BenchmarkDotNet.Attributes;
using IsolationBench.Benchmarks.Guest.Native;

namespace IsolationBench.Benchmarks.Guest.Benchmarks;

/// <summary>
/// System calls whose cost a sandbox changes (seccomp filters, gVisor's interception, overlay lookups).
/// Each benchmark makes <see cref="Batch"/> calls per invocation; OperationsPerInvoke makes ns/op per call
/// (per call pair for open+close, per round trip for the pipe, per thread for create+join).
/// Files live in the layer directory, so path lookups go through the container's own file system.
/// </summary>
[BenchmarkCategory(GuestCategories.Syscall)]
[LinuxOnly]
public unsafe class SyscallBenchmarks
{
    private const int Batch = 1000;
    private const int ThreadBatch = 100;

    private byte* _missing;
    private byte* _existing;
    private int _readFd = -1;
    private readonly int[] _ping = [-1, -1];
    private readonly int[] _pong = [-1, -1];
    private Thread? _partner;
    private void* _threadStart;
    private byte* _buffer;

    [GlobalSetup]
    public void Setup()
    {
        var dir = GuestSettings.LayerDir;
        Directory.CreateDirectory(dir);
        var existing = Path.Combine(dir, "syscall-existing.dat");
        File.WriteAllBytes(existing, new byte[4096]);
        _existing = Libc.AllocPath(existing);
        _missing = Libc.AllocPath(Path.Combine(dir, "syscall-missing-file-never-created"));
        _buffer = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(Libc.StatBufferSize);

        _readFd = Libc.Open(_existing, Libc.ORdOnly | Libc.OCloExec, 0);
        Libc.Check(_readFd, "open " + existing);
        Libc.Check(Libc.Pread(_readFd, _buffer, 64, 0), "pread"); // now in the page cache

        fixed (int* ping = _ping)
        fixed (int* pong = _pong)
        {
            Libc.Check(Libc.Pipe(ping), "pipe");
            Libc.Check(Libc.Pipe(pong), "pipe");
        }

        _partner = new Thread(Echo) { IsBackground = true, Name = "isobench-pipe-echo" };
        _partner.Start();

        // getppid ignores its argument and returns: a start routine that is one syscall and no managed code.
        _threadStart = Libc.NativeExport("getppid");
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    [ReportedUnit("ns/op", Better.Lower, OpsPerInvoke = Batch, CacheNote = "dentry cache warm: a negative lookup, no disk I/O")]
    public int StatMissing()
    {
        var failures = 0;
        for (var i = 0; i < Batch; i++)
        {
            failures += Libc.Stat(_missing, _buffer);
        }

        return failures;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    [ReportedUnit("ns/op", Better.Lower, OpsPerInvoke = Batch, CacheNote = "dentry/inode cache warm; one op = open + close")]
    public int OpenClose()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            var fd = Libc.Open(_existing, Libc.ORdOnly | Libc.OCloExec, 0);
            sum += Libc.Close(fd);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    [ReportedUnit("ns/op", Better.Lower, OpsPerInvoke = Batch, CacheNote = "64 B pread of a page-cache-resident file")]
    public long SmallPread64()
    {
        long sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += Libc.Pread(_readFd, _buffer, 64, 0);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    [ReportedUnit("ns/op", Better.Lower, OpsPerInvoke = Batch, CacheNote = "getppid: never cached by libc, the cheapest real syscall")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet calls benchmarks on an instance")]
    public int GetPpid()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += Libc.GetPpid();
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = ThreadBatch)]
    [ReportedUnit("ns/op", Better.Lower, OpsPerInvoke = ThreadBatch, CacheNote = "raw pthread create+join (clone, exit, futex), no managed thread")]
    public int ThreadCreateJoin()
    {
        var failures = 0;
        nuint thread;
        for (var i = 0; i < ThreadBatch; i++)
        {
            failures += Libc.PthreadCreate(&thread, null, _threadStart, null);
            failures += Libc.PthreadJoin(thread, null);
        }

        return failures;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    [ReportedUnit("ns/op", Better.Lower, OpsPerInvoke = Batch, CacheNote = "one op = 1-byte round trip over two pipes between two threads (two wake-ups, four syscalls)")]
    public long PipePingPong()
    {
        long sum = 0;
        byte b = 1;
        for (var i = 0; i < Batch; i++)
        {
            Libc.Write(_ping[1], &b, 1);
            sum += Libc.Read(_pong[0], &b, 1);
        }

        return sum;
    }

    private void Echo()
    {
        byte b = 0;
        while (Libc.Read(_ping[0], &b, 1) == 1 && b != 0)
        {
            Libc.Write(_pong[1], &b, 1);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        byte stop = 0;
        if (_ping[1] >= 0)
        {
            Libc.Write(_ping[1], &stop, 1);
        }

        _partner?.Join(TimeSpan.FromSeconds(5));
        foreach (var fd in (int[])[_readFd, _ping[0], _ping[1], _pong[0], _pong[1]])
        {
            if (fd >= 0)
            {
                Libc.Close(fd);
            }
        }

        foreach (var pointer in new[] { (nint)_missing, (nint)_existing, (nint)_buffer })
        {
            System.Runtime.InteropServices.NativeMemory.Free((void*)pointer);
        }

        _missing = _existing = _buffer = null;
    }
}
