using IsolationBench.Results.BenchmarkDotNet;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

public sealed class UnitConversionTests
{
    [Theory]
    // 256 MiB in one second = 268.435456 MB/s (MB = 10⁶ bytes).
    [InlineData(268435456L, 1e9, 268.435456)]
    // 1 MiB in 1 ms = 1048.576 MB/s.
    [InlineData(1048576L, 1e6, 1048.576)]
    public void NanosecondsPerOpToMegabytesPerSecond(long bytesPerOp, double nsPerOp, double expected)
    {
        var unit = new GuestUnit("io", "SequentialWrite1MiB@layer", "MB/s", bytesPerOp, string.Empty);

        Assert.Equal(expected, unit.Convert(nsPerOp), 9);
    }

    [Theory]
    [InlineData(100_000.0, 10_000.0)]
    [InlineData(1.0, 1e9)]
    public void NanosecondsPerOpToOpsPerSecond(double nsPerOp, double expected)
    {
        Assert.Equal(expected, new GuestUnit("io", "m", "ops/s", null, string.Empty).Convert(nsPerOp), 9);
    }

    [Fact]
    public void NanosecondsPerOpStaysAsIs()
    {
        Assert.Equal(361.8, new GuestUnit("syscall", "GetPpid", "ns/op", null, string.Empty).Convert(361.8));
    }

    [Fact]
    public void MegabytesWithoutBytesPerOpIsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => new GuestUnit("io", "m", "MB/s", null, string.Empty).Convert(1));
    }
}
