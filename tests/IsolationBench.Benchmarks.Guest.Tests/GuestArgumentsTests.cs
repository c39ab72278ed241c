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

    [Theory]
    [InlineData(null, FioWhen.Around)]
    [InlineData("before", FioWhen.Before)]
    [InlineData("after", FioWhen.After)]
    [InlineData("around", FioWhen.Around)]
    public void FioWhenSaysWhichPassesRun(string? when, FioWhen expected)
    {
        string[] args = ["--category", "io", "--profile", "quick", "--artifacts", "a", "--fio", .. when is null ? Array.Empty<string>() : ["--fio-when", when]];

        Assert.Equal(expected, GuestArguments.Parse(args).FioWhen);
    }

    [Fact]
    public void OnePassHoldsEveryMeasuredJobAndAroundSplitsThem()
    {
        foreach (var n in (int[])[1, 2, 3, 5])
        {
            Assert.Equal((n, 0), (FioCrossCheck.IterationsIn(FioCrossCheck.Half.Before, n, FioWhen.Before), FioCrossCheck.IterationsIn(FioCrossCheck.Half.After, n, FioWhen.Before)));
            Assert.Equal((0, n), (FioCrossCheck.IterationsIn(FioCrossCheck.Half.Before, n, FioWhen.After), FioCrossCheck.IterationsIn(FioCrossCheck.Half.After, n, FioWhen.After)));
            Assert.Equal(n, FioCrossCheck.IterationsIn(FioCrossCheck.Half.Before, n, FioWhen.Around) + FioCrossCheck.IterationsIn(FioCrossCheck.Half.After, n, FioWhen.Around));
        }
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
    [InlineData("--fio-when needs --fio", "--category", "io", "--fio-when", "before", "--profile", "quick", "--artifacts", "a")]
    [InlineData("--fio-when sometimes: expected around, before or after", "--fio", "--fio-when", "sometimes", "--category", "io", "--profile", "quick", "--artifacts", "a")]
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
