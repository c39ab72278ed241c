using System.Runtime.InteropServices;
using IsolationBench.Benchmarks.Guest.Native;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

/// <summary>
/// The Win32 calls cannot run here, but the structures they are handed can be checked: a wrong OVERLAPPED
/// layout would make every positioned read on Windows read at the wrong offset.
/// </summary>
public sealed class Win32LayoutTests
{
    [Fact]
    public void OverlappedHasWindowsX64Layout()
    {
        Assert.True(Environment.Is64BitProcess, "the guest ships for x64 only");
        Assert.Equal(32, Marshal.SizeOf<Win32Overlapped>());
        Assert.Equal(16, (int)Marshal.OffsetOf<Win32Overlapped>(nameof(Win32Overlapped.Offset)));
        Assert.Equal(20, (int)Marshal.OffsetOf<Win32Overlapped>(nameof(Win32Overlapped.OffsetHigh)));
        Assert.Equal(24, (int)Marshal.OffsetOf<Win32Overlapped>(nameof(Win32Overlapped.Event)));
    }

    [Theory]
    [InlineData(0L, 0u, 0u)]
    [InlineData(4096L, 4096u, 0u)]
    [InlineData((5L << 32) + 7, 7u, 5u)]
    public void OverlappedCarriesA64BitOffsetInTwoHalves(long offset, uint low, uint high)
    {
        var at = Win32Overlapped.At(offset);

        Assert.Equal((low, high), (at.Offset, at.OffsetHigh));
    }
}
