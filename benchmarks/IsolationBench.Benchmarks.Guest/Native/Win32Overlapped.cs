using System.Runtime.InteropServices;

namespace IsolationBench.Benchmarks.Guest.Native;

/// <summary>Win32 OVERLAPPED (x64 layout, checked by a test): on a handle opened without FILE_FLAG_OVERLAPPED, ReadFile reads synchronously at Offset — Win32's pread.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Win32Overlapped
{
    public nuint Internal;
    public nuint InternalHigh;
    public uint Offset;
    public uint OffsetHigh;
    public nint Event;

    public static Win32Overlapped At(long offset) => new() { Offset = (uint)offset, OffsetHigh = (uint)(offset >> 32) };
}
