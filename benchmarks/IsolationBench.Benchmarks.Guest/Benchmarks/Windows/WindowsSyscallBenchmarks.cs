using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using BenchmarkDotNet.Attributes;
using IsolationBench.Benchmarks.Guest.Native;

namespace IsolationBench.Benchmarks.Guest.Benchmarks.Windows;

/// <summary>
/// The Windows counterpart of <see cref="SyscallBenchmarks"/>: the same kinds of kernel work (a failed path
/// lookup, open+close, a positioned small read, the cheapest query, thread create+join, a pipe round trip),
/// each as direct Win32/native calls, so what a Hyper-V utility VM or a process-isolated container's file-system
/// filter adds is not hidden behind the BCL (FileStream buffers, SafeHandle ref counts, cached FileInfo).
/// Each benchmark makes <see cref="Batch"/> calls per invocation; OperationsPerInvoke makes ns/op per call.
/// Files live in the layer directory, so path lookups go through the container's own file system.
/// </summary>
[BenchmarkCategory(GuestCategories.Syscall)]
[WindowsOnly]
[SupportedOSPlatform("windows")]
public unsafe class WindowsSyscallBenchmarks
{
    private const int Batch = 1000;
    private const int ThreadBatch = 100;
    private const uint ShareAll = Kernel32.FileShareRead | Kernel32.FileShareWrite | Kernel32.FileShareDelete;

    private char* _missing;
    private char* _existing;
    private nint _readHandle = Kernel32.InvalidHandle;
    private nint _pingRead;
    private nint _pingWrite;
    private nint _pongRead;
    private nint _pongWrite;
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
        _existing = Kernel32.AllocPath(existing);
        _missing = Kernel32.AllocPath(Path.Combine(dir, "syscall-missing-file-never-created"));
        _buffer = (byte*)NativeMemory.AllocZeroed(4096);

        _readHandle = Kernel32.CreateFile(_existing, Kernel32.GenericRead, ShareAll, null, Kernel32.OpenExisting, Kernel32.FileAttributeNormal, 0);
        Kernel32.Check(_readHandle != Kernel32.InvalidHandle, "CreateFile " + existing);
        var at = Win32Overlapped.At(0);
        uint read;
        Kernel32.Check(Kernel32.ReadFile(_readHandle, _buffer, 64, &read, &at) != 0, "ReadFile"); // now in the system cache

        nint pingRead, pingWrite, pongRead, pongWrite;
        Kernel32.Check(Kernel32.CreatePipe(&pingRead, &pingWrite, null, 0) != 0, "CreatePipe");
        Kernel32.Check(Kernel32.CreatePipe(&pongRead, &pongWrite, null, 0) != 0, "CreatePipe");
        (_pingRead, _pingWrite, _pongRead, _pongWrite) = (pingRead, pingWrite, pongRead, pongWrite);

        _partner = new Thread(Echo) { IsBackground = true, Name = "isobench-pipe-echo" };
        _partner.Start();

        _threadStart = Kernel32.NativeThreadStart();
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    [ReportedUnit("ns/op", Better.Lower, OpsPerInvoke = Batch, CacheNote = "GetFileAttributesW of a missing path: a failed lookup, no disk I/O")]
    public uint GetFileAttributesMissing()
    {
        uint failures = 0;
        for (var i = 0; i < Batch; i++)
        {
            failures += Kernel32.GetFileAttributes(_missing) == Kernel32.InvalidFileAttributes ? 1u : 0u;
        }

        return failures;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    [ReportedUnit("ns/op", Better.Lower, OpsPerInvoke = Batch, CacheNote = "one op = CreateFileW (open existing, read) + CloseHandle; metadata cached")]
    public int CreateFileClose()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            var handle = Kernel32.CreateFile(_existing, Kernel32.GenericRead, ShareAll, null, Kernel32.OpenExisting, Kernel32.FileAttributeNormal, 0);
            sum += Kernel32.CloseHandle(handle);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    [ReportedUnit("ns/op", Better.Lower, OpsPerInvoke = Batch, CacheNote = "64 B ReadFile at offset 0 (OVERLAPPED offset, synchronous handle) of a system-cache-resident file")]
    public long ReadFile64()
    {
        long sum = 0;
        uint read;
        var at = Win32Overlapped.At(0);
        for (var i = 0; i < Batch; i++)
        {
            Kernel32.ReadFile(_readHandle, _buffer, 64, &read, &at);
            sum += read;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    [ReportedUnit("ns/op", Better.Lower, OpsPerInvoke = Batch, CacheNote = "NtQueryInformationProcess(ProcessBasicInformation) of the current process: one system call, nothing cached in user mode")]
    public long NtQueryInformationProcess()
    {
        long sum = 0;
        uint length;
        for (var i = 0; i < Batch; i++)
        {
            sum += NtDll.NtQueryInformationProcess(NtDll.CurrentProcess, NtDll.ProcessBasicInformation, _buffer, (uint)NtDll.ProcessBasicInformationSize, &length);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = ThreadBatch)]
    [ReportedUnit("ns/op", Better.Lower, OpsPerInvoke = ThreadBatch, CacheNote = "raw CreateThread + WaitForSingleObject + CloseHandle, native start routine, no managed thread")]
    public long ThreadCreateJoin()
    {
        long sum = 0;
        for (var i = 0; i < ThreadBatch; i++)
        {
            var thread = Kernel32.CreateThread(null, 0, _threadStart, null, 0, null);
            sum += Kernel32.WaitForSingleObject(thread, Kernel32.Infinite);
            sum += Kernel32.CloseHandle(thread);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    [ReportedUnit("ns/op", Better.Lower, OpsPerInvoke = Batch, CacheNote = "one op = 1-byte round trip over two anonymous pipes between two threads (two wake-ups, four calls)")]
    public long PipePingPong()
    {
        long sum = 0;
        byte b = 1;
        uint moved;
        for (var i = 0; i < Batch; i++)
        {
            Kernel32.WriteFile(_pingWrite, &b, 1, &moved, null);
            Kernel32.ReadFile(_pongRead, &b, 1, &moved, null);
            sum += moved;
        }

        return sum;
    }

    private void Echo()
    {
        byte b = 0;
        uint moved;
        while (Kernel32.ReadFile(_pingRead, &b, 1, &moved, null) != 0 && moved == 1 && b != 0)
        {
            Kernel32.WriteFile(_pongWrite, &b, 1, &moved, null);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        byte stop = 0;
        uint moved;
        if (_pingWrite != 0)
        {
            Kernel32.WriteFile(_pingWrite, &stop, 1, &moved, null);
        }

        _partner?.Join(TimeSpan.FromSeconds(5));
        foreach (var handle in (nint[])[_readHandle, _pingRead, _pingWrite, _pongRead, _pongWrite])
        {
            if (handle != 0 && handle != Kernel32.InvalidHandle)
            {
                _ = Kernel32.CloseHandle(handle);
            }
        }

        _readHandle = Kernel32.InvalidHandle;
        _pingRead = _pingWrite = _pongRead = _pongWrite = 0;
        foreach (var pointer in new[] { (nint)_missing, (nint)_existing, (nint)_buffer })
        {
            NativeMemory.Free((void*)pointer);
        }

        _missing = _existing = null;
        _buffer = null;
    }
}
