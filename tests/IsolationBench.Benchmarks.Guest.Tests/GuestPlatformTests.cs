using IsolationBench.Workloads.Guest;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using IsolationBench.Benchmarks.Guest.Benchmarks;
using IsolationBench.Benchmarks.Guest.Benchmarks.Windows;
using IsolationBench.Results;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

/// <summary>
/// Which benchmarks the guest runs on which OS, asked of BenchmarkDotNet's own discovery with each OS's filter
/// (nothing is run, so the Windows set is listed here on Linux; its Win32 calls themselves only run on Windows).
/// </summary>
public sealed class GuestPlatformTests
{
    private static GuestOptions Options(string category) =>
        GuestArguments.Parse(["--category", category, "--profile", "quick", "--artifacts", Path.GetTempPath()]);

    private static List<BenchmarkCase> Discover(string category, GuestPlatform platform) =>
        [.. GuestDiscovery.For(Options(category), category, platform).SelectMany(r => r.BenchmarksCases)];

    private static string[] Methods(IEnumerable<BenchmarkCase> cases) =>
        [.. cases.Select(b => b.Descriptor.WorkloadMethod.Name).Distinct().Order(StringComparer.Ordinal)];

    [Fact]
    public void TheWindowsGuestListsTheWindowsSyscallBenchmarks()
    {
        var cases = Discover(GuestCategories.Syscall, GuestPlatform.Windows);

        Assert.Equal(6, cases.Count);
        Assert.All(cases, b => Assert.Equal(typeof(WindowsSyscallBenchmarks), b.Descriptor.Type));
        Assert.Equal(
            ["CreateFileClose", "GetFileAttributesMissing", "NtQueryInformationProcess", "PipePingPong", "ReadFile64", "ThreadCreateJoin"],
            Methods(cases));
    }

    [Fact]
    public void TheLinuxGuestListsExactlyTheLinuxSyscallBenchmarks()
    {
        var cases = Discover(GuestCategories.Syscall, GuestPlatform.Linux);

        Assert.Equal(6, cases.Count);
        Assert.All(cases, b => Assert.Equal(typeof(SyscallBenchmarks), b.Descriptor.Type));
        Assert.Equal(["GetPpid", "OpenClose", "PipePingPong", "SmallPread64", "StatMissing", "ThreadCreateJoin"], Methods(cases));
    }

    [Theory]
    [InlineData(GuestPlatform.Linux, typeof(LinuxOnlyAttribute))]
    [InlineData(GuestPlatform.Windows, typeof(WindowsOnlyAttribute))]
    public void NoOtherOsBenchmarkPassesAPlatformsFilter(GuestPlatform platform, Type ownMarker)
    {
        var otherMarker = ownMarker == typeof(LinuxOnlyAttribute) ? typeof(WindowsOnlyAttribute) : typeof(LinuxOnlyAttribute);
        foreach (var category in GuestCategories.All)
        {
            Assert.All(Discover(category, platform), b =>
            {
                Assert.False(b.Descriptor.Type.IsDefined(otherMarker, inherit: false), b.Descriptor.DisplayInfo);
                Assert.False(b.Descriptor.WorkloadMethod.IsDefined(otherMarker, inherit: false), b.Descriptor.DisplayInfo);
            });
        }
    }

    [Fact]
    public void WindowsReadsAndFaultsComeFromTheWin32ClassesUnderTheLinuxNames()
    {
        var io = Discover(GuestCategories.Io, GuestPlatform.Windows);
        var memory = Discover(GuestCategories.Memory, GuestPlatform.Windows);

        Assert.Equal(
            ["RandomRead4KiB", "RandomWrite4KiB", "SequentialRead1MiB", "SequentialWrite1MiB", "SmallFileCreateDelete"],
            Methods(io));
        Assert.All(io.Where(b => b.Descriptor.WorkloadMethod.Name.Contains("Read", StringComparison.Ordinal)),
            b => Assert.Equal(typeof(WindowsIoBenchmarks), b.Descriptor.Type));
        Assert.Equal(["LargeCopy", "TouchFreshPages"], Methods(memory));
        Assert.Equal(typeof(WindowsMemoryBenchmarks), memory.Single(b => b.Descriptor.WorkloadMethod.Name == "TouchFreshPages").Descriptor.Type);
    }

    [Fact]
    public void LinuxIoAndMemoryAreUnchanged()
    {
        // RandomRead4KiBDirect (O_DIRECT) is Linux's device read where the page cache cannot be dropped; Windows
        // reads are unbuffered already.
        Assert.Equal(
            ["RandomRead4KiB", "RandomRead4KiBDirect", "RandomWrite4KiB", "SequentialRead1MiB", "SequentialWrite1MiB", "SmallFileCreateDelete"],
            Methods(Discover(GuestCategories.Io, GuestPlatform.Linux)));
        Assert.All(Discover(GuestCategories.Io, GuestPlatform.Linux), b => Assert.Equal(typeof(IoBenchmarks), b.Descriptor.Type));
        Assert.Equal(["LargeCopy", "TouchFreshPages"], Methods(Discover(GuestCategories.Memory, GuestPlatform.Linux)));
        Assert.All(Discover(GuestCategories.Memory, GuestPlatform.Linux), b => Assert.Equal(typeof(MemoryBenchmarks), b.Descriptor.Type));
    }

    /// <summary>Plain sockets: the same four benchmarks, from the same class, on both OSes.</summary>
    [Theory]
    [InlineData(GuestPlatform.Linux)]
    [InlineData(GuestPlatform.Windows)]
    public void NetworkRunsTheSameFourLoopbackBenchmarksOnEveryOs(GuestPlatform platform)
    {
        var cases = Discover(GuestCategories.Network, platform);

        Assert.Equal(["TcpBulk64KiB", "TcpConnectAcceptClose", "TcpRoundTrip1B", "UdpRoundTrip64B"], Methods(cases));
        Assert.All(cases, b => Assert.Equal(typeof(NetworkBenchmarks), b.Descriptor.Type));
        Assert.Equal(
            [("TcpBulk64KiB", "MB/s", "higher"), ("TcpConnectAcceptClose", "ops/s", "higher"), ("TcpRoundTrip1B", "ns/op", "lower"), ("UdpRoundTrip64B", "ns/op", "lower")],
            cases.Select(UnitsFile.Describe).Select(u => (u.Metric, u.Unit, u.Direction)).OrderBy(u => u.Metric, StringComparer.Ordinal));
    }

    [Fact]
    public void NetworkUsesTheComputeJobShape()
    {
        var network = GuestConfig.CreateJob(GuestProfile.Quick, GuestCategories.Network);
        var syscall = GuestConfig.CreateJob(GuestProfile.Quick, GuestCategories.Syscall);

        Assert.Equal(
            (syscall.Run.IterationTime, syscall.Run.WarmupCount, syscall.Run.IterationCount, syscall.Run.RunStrategy),
            (network.Run.IterationTime, network.Run.WarmupCount, network.Run.IterationCount, network.Run.RunStrategy));
    }

    [Fact]
    public void EveryBenchmarkClassInTheAssemblyIsRegistered()
    {
        var withBenchmarks = typeof(GuestCategories).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkAttribute), inherit: false)));

        Assert.Equal(withBenchmarks.OrderBy(t => t.FullName), GuestCategories.BenchmarkClasses.OrderBy(t => t.FullName));
    }

    [Fact]
    public void EveryWindowsBenchmarkHasAUnitAndItsCategory()
    {
        foreach (var category in GuestCategories.All)
        {
            Assert.All(Discover(category, GuestPlatform.Windows), b =>
            {
                var unit = UnitsFile.Describe(b);
                Assert.Equal(category, unit.Category);
                Assert.Contains(unit.Unit, (string[])["ns/op", "MB/s", "ops/s"]);
                Assert.True(unit.Unit != "MB/s" || unit.BytesPerOp > 0, unit.Metric);
                Assert.False(string.IsNullOrWhiteSpace(unit.CacheNote), unit.Metric);
            });
        }
    }

    /// <summary>The harness's table (it cannot load this assembly) says what this discovery says, for every OS.</summary>
    [Theory]
    [InlineData(GuestPlatform.Linux)]
    [InlineData(GuestPlatform.Windows)]
    public void TheHarnessTableOfCategoriesPerOsMatchesDiscovery(GuestPlatform platform)
    {
        var discovered = GuestCategories.All.Where(c => Discover(c, platform).Count > 0);

        Assert.Equal(discovered, GuestWorkloads.ByOs[GuestPlatforms.Name(platform)]);
        Assert.Equal(GuestCategories.All, GuestWorkloads.Categories);
    }

    [Theory]
    [InlineData(GuestPlatform.Windows, "*PipePingPong*", typeof(WindowsSyscallBenchmarks))]
    [InlineData(GuestPlatform.Linux, "*PipePingPong*", typeof(SyscallBenchmarks))]
    public void FilterNarrowsThePlatformsSetWithoutCrossingIt(GuestPlatform platform, string glob, Type expected)
    {
        var options = GuestArguments.Parse(["--category", "syscall", "--profile", "quick", "--artifacts", Path.GetTempPath(), "--filter", glob]);

        var run = Assert.Single(GuestDiscovery.For(options, GuestCategories.Syscall, platform));
        var benchmark = Assert.Single(run.BenchmarksCases);
        Assert.Equal((expected, "PipePingPong"), (benchmark.Descriptor.Type, benchmark.Descriptor.WorkloadMethod.Name));
    }

    [Fact]
    public void AFilterMatchingNothingLeavesNoClassToRun()
    {
        var options = GuestArguments.Parse(["--category", "io", "--profile", "quick", "--artifacts", Path.GetTempPath(), "--filter", "*NoSuchBenchmark*"]);

        Assert.Empty(GuestDiscovery.For(options, GuestCategories.Io, GuestPlatform.Windows));
    }

    [Fact]
    public void PlatformSelectionIsAttributeDriven()
    {
        MemberInfo linuxOnly = typeof(SyscallBenchmarks);
        MemberInfo windowsOnly = typeof(WindowsSyscallBenchmarks);
        MemberInfo both = typeof(CpuBenchmarks);

        Assert.Equal((true, false), (GuestPlatforms.Runs(linuxOnly, GuestPlatform.Linux), GuestPlatforms.Runs(linuxOnly, GuestPlatform.Windows)));
        Assert.Equal((false, true), (GuestPlatforms.Runs(windowsOnly, GuestPlatform.Linux), GuestPlatforms.Runs(windowsOnly, GuestPlatform.Windows)));
        Assert.Equal((true, true), (GuestPlatforms.Runs(both, GuestPlatform.Linux), GuestPlatforms.Runs(both, GuestPlatform.Windows)));
    }
}
