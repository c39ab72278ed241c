using IsolationBench.Benchmarks.Guest.Fio;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

public sealed class GuestArgumentsTests
{
    [Fact]
    public void ParsesAllOptions()
    {
        var volume = Directory.CreateTempSubdirectory("isobench-vol").FullName;
        var options = GuestArguments.Parse(
            ["--category", "syscall, IO,cpu,io", "--profile", "Quick", "--artifacts", "/tmp/a", "--layer-dir", "/tmp/l",
             "--volume-dir", volume, "--filter", "*Stat*"]);

        Assert.Equal(["syscall", "io", "cpu"], options.Categories);
        Assert.Equal(GuestProfile.Quick, options.Profile);
        Assert.Equal("/tmp/a", options.ArtifactsDir);
        Assert.Equal("/tmp/l", options.LayerDir);
        Assert.Equal(volume, options.VolumeDir);
        Assert.Equal("*Stat*", options.Filter);
        Assert.False(options.Fio);
    }

    [Fact]
    public void NetworkIsACategoryOfItsOwnAndCombinesWithOthers()
    {
        Assert.Equal(["network"], GuestArguments.Parse(["--category", "Network", "--profile", "quick", "--artifacts", "a"]).Categories);
        Assert.Equal(["cpu", "network"], GuestArguments.Parse(["--category", "cpu,network", "--profile", "quick", "--artifacts", "a"]).Categories);
        Assert.Contains("network", GuestArguments.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void FioIsAFlagAnywhereOnTheLine()
    {
        Assert.True(GuestArguments.Parse(["--fio", "--category", "io", "--profile", "quick", "--artifacts", "a"]).Fio);
        Assert.True(GuestArguments.Parse(["--category", "io", "--fio", "--profile", "quick", "--artifacts", "a"]).Fio);
        Assert.True(GuestArguments.Parse(["--category", "io", "--profile", "quick", "--artifacts", "a", "--fio"]).Fio);
    }

    [Fact]
    public void DefaultsLayerDirAndLeavesVolumeOut()
    {
        var options = GuestArguments.Parse(["--category", "cpu", "--profile", "smoke", "--artifacts", "out"]);

        Assert.Equal(GuestArguments.DefaultLayerDir, options.LayerDir);
        Assert.Null(options.VolumeDir);
        Assert.True(Path.IsPathRooted(options.ArtifactsDir));
    }

    [Theory]
    [InlineData("unknown category 'disk'", "--category", "disk", "--profile", "quick", "--artifacts", "a")]
    [InlineData("unknown profile 'fast'", "--category", "cpu", "--profile", "fast", "--artifacts", "a")]
    [InlineData("--artifacts is required", "--category", "cpu", "--profile", "quick")]
    [InlineData("--category is required", "--profile", "quick", "--artifacts", "a")]
    [InlineData("unknown argument '--bogus'", "--bogus", "x", "--category", "cpu")]
    [InlineData("--profile needs a value", "--category", "cpu", "--profile")]
    [InlineData("--profile needs a value", "--category", "cpu", "--profile", "--artifacts", "a")]
    [InlineData("--category given twice", "--category", "cpu", "--category", "io")]
    [InlineData("--fio given twice", "--fio", "--category", "io", "--fio", "--profile", "quick", "--artifacts", "a")]
    [InlineData("--category needs a value", "--category", "--fio", "--profile", "quick", "--artifacts", "a")]
    [InlineData("unknown argument '--fio-when'", "--fio", "--fio-when", "before", "--category", "io", "--profile", "quick", "--artifacts", "a")] // gone: fio interleaves
    [InlineData("--category is empty", "--category", ",", "--profile", "quick", "--artifacts", "a")]
    [InlineData("does not exist", "--category", "io", "--profile", "quick", "--artifacts", "a", "--volume-dir", "/nonexistent/isobench")]
    public void RejectsBadInputWithOneLine(string expected, params string[] args)
    {
        var ex = Assert.Throws<GuestArgumentException>(() => GuestArguments.Parse(args));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void HelpIsUsage()
    {
        var ex = Assert.Throws<GuestArgumentException>(() => GuestArguments.Parse(["--help"]));

        Assert.Equal(GuestArguments.Usage, ex.Message);
    }
}
