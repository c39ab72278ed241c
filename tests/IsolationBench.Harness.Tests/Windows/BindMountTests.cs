using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Tests.Windows;

public sealed class BindMountTests
{
    [Theory]
    [InlineData(@"C:\host\dir", @"C:\work\volume", false, @"C:\host\dir:C:\work\volume")]
    [InlineData(@"C:\host\dir\", @"C:\work\volume", true, @"C:\host\dir:C:\work\volume:ro")]
    [InlineData("D:/bench/data", "C:/work/volume", false, @"D:\bench\data:C:\work\volume")]
    public void Windows_binds_use_drive_letter_paths(string host, string container, bool readOnly, string expected) =>
        Assert.Equal(expected, BindMount.For(host, container, "windows", readOnly));

    [Theory]
    [InlineData("/host/dir", "/work/volume", false, "/host/dir:/work/volume")]
    [InlineData("/host/dir/", "/work/volume", true, "/host/dir:/work/volume:ro")]
    public void Linux_binds_use_absolute_paths(string host, string container, bool readOnly, string expected) =>
        Assert.Equal(expected, BindMount.For(host, container, "linux", readOnly));

    [Theory]
    [InlineData("/host/dir", @"C:\work\volume", "windows")]
    [InlineData(@"host\dir", @"C:\work\volume", "windows")]
    [InlineData(@"\\server\share", @"C:\work\volume", "windows")]
    [InlineData(@"C:\a:b", @"C:\work\volume", "windows")]
    [InlineData(@"C:\a\..\b", @"C:\work\volume", "windows")]
    [InlineData(@"C:\host\dir", "/work/volume", "windows")]
    [InlineData(@"C:\host\dir", "/work/volume", "linux")]
    [InlineData("relative/dir", "/work/volume", "linux")]
    [InlineData("/a:b", "/work/volume", "linux")]
    [InlineData("/host", "/work/volume", "darwin")]
    public void Invalid_paths_are_one_line_usage_errors(string host, string container, string os)
    {
        var ex = Assert.Throws<UsageException>(() => BindMount.For(host, container, os, readOnly: false));

        Assert.DoesNotContain('\n', ex.Message);
    }
}
