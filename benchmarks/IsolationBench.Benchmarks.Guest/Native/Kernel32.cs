using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace IsolationBench.Benchmarks.Guest.Native;

/// <summary>
/// Raw Win32 calls for the Windows benchmarks, the counterpart of <see cref="Libc"/>: source-generated,
/// blittable signatures (BOOL as int, handles as nint, paths as pre-encoded NUL-terminated UTF-16), so a
/// timed call is the Win32 function and nothing the BCL adds (no SafeHandle ref counting, no FileStream
/// buffer, no cached attributes). Declarations only compile here; they run on Windows.
/// </summary>
[SupportedOSPlatform("windows")]
internal static unsafe partial class Kernel32
{
    private const string Lib = "kernel32.dll";

    public const uint GenericRead = 0x80000000;
    public const uint FileShareRead = 0x1;
    public const uint FileShareWrite = 0x2;
    public const uint FileShareDelete = 0x4;
    public const uint OpenExisting = 3;
    public const uint FileAttributeNormal = 0x80;
    public const uint FileFlagNoBuffering = 0x20000000;
    public const uint FileFlagRandomAccess = 0x10000000;
    public const uint FileFlagSequentialScan = 0x08000000;
    public const uint InvalidFileAttributes = 0xFFFFFFFF;
    public const uint Infinite = 0xFFFFFFFF;
    public const uint MemCommit = 0x1000;
    public const uint MemReserve = 0x2000;
    public const uint MemRelease = 0x8000;
    public const uint PageReadWrite = 0x04;

    /// <summary>INVALID_HANDLE_VALUE.</summary>
    public static readonly nint InvalidHandle = -1;

    [LibraryImport(Lib, EntryPoint = "GetFileAttributesW")]
    public static partial uint GetFileAttributes(char* path);

    [LibraryImport(Lib, EntryPoint = "CreateFileW", SetLastError = true)]
    public static partial nint CreateFile(char* path, uint access, uint share, void* security, uint disposition, uint flags, nint template);

    [LibraryImport(Lib, EntryPoint = "CloseHandle")]
    public static partial int CloseHandle(nint handle);

    [LibraryImport(Lib, EntryPoint = "ReadFile", SetLastError = true)]
    public static partial int ReadFile(nint file, void* buffer, uint count, uint* read, Win32Overlapped* overlapped);

    [LibraryImport(Lib, EntryPoint = "WriteFile", SetLastError = true)]
    public static partial int WriteFile(nint file, void* buffer, uint count, uint* written, Win32Overlapped* overlapped);

    [LibraryImport(Lib, EntryPoint = "CreatePipe", SetLastError = true)]
    public static partial int CreatePipe(nint* read, nint* write, void* security, uint size);

    [LibraryImport(Lib, EntryPoint = "CreateThread", SetLastError = true)]
    public static partial nint CreateThread(void* security, nuint stackSize, void* startAddress, void* parameter, uint flags, uint* threadId);

    [LibraryImport(Lib, EntryPoint = "WaitForSingleObject")]
    public static partial uint WaitForSingleObject(nint handle, uint milliseconds);

    [LibraryImport(Lib, EntryPoint = "VirtualAlloc", SetLastError = true)]
    public static partial void* VirtualAlloc(void* address, nuint size, uint allocationType, uint protect);

    [LibraryImport(Lib, EntryPoint = "VirtualFree", SetLastError = true)]
    public static partial int VirtualFree(void* address, nuint size, uint freeType);

    /// <summary>A native function usable as a thread start routine that runs nothing managed (no runtime attach):
    /// GetCurrentThreadId ignores the parameter it is handed and returns a DWORD, as LPTHREAD_START_ROUTINE must.</summary>
    public static void* NativeThreadStart() =>
        (void*)NativeLibrary.GetExport(NativeLibrary.Load(Lib), "GetCurrentThreadId");

    /// <summary>A NUL-terminated UTF-16 copy of a path in native memory (free with NativeMemory.Free), so no
    /// marshalling happens inside a timed loop.</summary>
    public static char* AllocPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var pointer = (char*)NativeMemory.AllocZeroed((nuint)(path.Length + 1), sizeof(char));
        path.AsSpan().CopyTo(new Span<char>(pointer, path.Length));
        return pointer;
    }

    /// <summary>Throws with the Win32 error when a setup call fails; never used inside a timed loop.</summary>
    public static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new IOException($"{what} failed: Win32 error {Marshal.GetLastPInvokeError()} ({Marshal.GetLastPInvokeErrorMessage()})");
        }
    }
}
