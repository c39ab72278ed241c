using System.Runtime.InteropServices;

namespace IsolationBench.Benchmarks.Guest.Native;

/// <summary>
/// Raw libc calls for the syscall benchmarks. The BCL wraps these with marshalling, SafeHandles and (for
/// stat) extra calls; here every benchmark call is one libc function that is one system call.
/// Paths are pre-encoded, NUL-terminated UTF-8 so no marshalling happens inside the timed loop.
/// </summary>
internal static unsafe partial class Libc
{
    // The runtime maps "libc" to the platform's libc soname (libc.so.6), which exists without libc6-dev.
    private const string Lib = "libc";

    public const int ORdOnly = 0;
    public const int OWrOnly = 1;
    public const int ORdWr = 2;
    public const int OCreat = 0x40;
    public const int OTrunc = 0x200;
    public const int OCloExec = 0x80000;
    public const int PosixFadvRandom = 1;
    public const int PosixFadvDontNeed = 4;
    public const int ProtRead = 1;
    public const int ProtWrite = 2;
    public const int MapPrivate = 2;
    public const int MapAnonymous = 0x20;
    public const int MadvNoHugePage = 15;
    public const int MapShared = 1;

    /// <summary>O_DIRECT differs by architecture: 040000 on x86-64, 0200000 on arm64.</summary>
    public static int ODirect => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x10000 : 0x4000;

    /// <summary>Large enough for struct statfs on every 64-bit Linux ABI (120 bytes on x86-64); f_type is its first field.</summary>
    public const int StatfsBufferSize = 256;

    /// <summary>Large enough for struct stat on every 64-bit Linux ABI (144 bytes on x86-64).</summary>
    public const int StatBufferSize = 256;

    [LibraryImport(Lib, EntryPoint = "stat", SetLastError = true)]
    public static partial int Stat(byte* path, byte* buffer);

    [LibraryImport(Lib, EntryPoint = "statfs", SetLastError = true)]
    public static partial int Statfs(byte* path, byte* buffer);

    [LibraryImport(Lib, EntryPoint = "mincore", SetLastError = true)]
    public static partial int Mincore(void* address, nuint length, byte* vector);

    [LibraryImport(Lib, EntryPoint = "open", SetLastError = true)]
    public static partial int Open(byte* path, int flags, int mode);

    [LibraryImport(Lib, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Lib, EntryPoint = "pread", SetLastError = true)]
    public static partial nint Pread(int fd, byte* buffer, nuint count, long offset);

    [LibraryImport(Lib, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport(Lib, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport(Lib, EntryPoint = "pipe", SetLastError = true)]
    public static partial int Pipe(int* fds);

    [LibraryImport(Lib, EntryPoint = "getppid")]
    public static partial int GetPpid();

    [LibraryImport(Lib, EntryPoint = "posix_fadvise")]
    public static partial int PosixFadvise(int fd, long offset, long length, int advice);

    [LibraryImport(Lib, EntryPoint = "pthread_create")]
    public static partial int PthreadCreate(nuint* thread, void* attributes, void* startRoutine, void* argument);

    [LibraryImport(Lib, EntryPoint = "pthread_join")]
    public static partial int PthreadJoin(nuint thread, void** result);

    [LibraryImport(Lib, EntryPoint = "mmap", SetLastError = true)]
    public static partial void* Mmap(void* address, nuint length, int protection, int flags, int fd, long offset);

    [LibraryImport(Lib, EntryPoint = "munmap", SetLastError = true)]
    public static partial int Munmap(void* address, nuint length);

    [LibraryImport(Lib, EntryPoint = "madvise")]
    public static partial int Madvise(void* address, nuint length, int advice);

    /// <summary>A native function usable as a pthread start routine that does nothing managed: no runtime attach.</summary>
    public static void* NativeExport(string name) =>
        (void*)NativeLibrary.GetExport(NativeLibrary.Load("libc.so.6"), name);

    /// <summary>Throws with errno when a setup call fails; never used inside a timed loop.</summary>
    public static void Check(long result, string what)
    {
        if (result < 0)
        {
            throw new IOException($"{what} failed: errno {Marshal.GetLastPInvokeError()} ({Marshal.GetLastPInvokeErrorMessage()})");
        }
    }

    /// <summary>A NUL-terminated UTF-8 copy of a path in native memory (free with NativeMemory.Free), so no
    /// marshalling happens inside a timed loop.</summary>
    public static byte* AllocPath(string path)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(path);
        var pointer = (byte*)NativeMemory.AllocZeroed((nuint)bytes.Length + 1);
        bytes.CopyTo(new Span<byte>(pointer, bytes.Length));
        return pointer;
    }

    /// <summary>posix_fadvise returns the error number instead of setting errno.</summary>
    public static void Fadvise(int fd, int advice, string what)
    {
        var rc = PosixFadvise(fd, 0, 0, advice);
        if (rc != 0)
        {
            throw new IOException(FormattableString.Invariant($"posix_fadvise({what}) failed: error {rc}"));
        }
    }
}
