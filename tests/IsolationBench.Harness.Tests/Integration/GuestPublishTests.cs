using IsolationBench.Harness.Images;
using System.Reflection.PortableExecutable;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>What the guest publish puts in every container: BDN precompiled (startup), our benchmarks not (what is measured).</summary>
[Collection(RealEngineCollection.Name)]
public sealed class GuestPublishTests
{
    [Fact]
    public async Task The_published_guest_precompiles_benchmarkdotnet_but_leaves_the_benchmarks_to_the_jit()
    {
        var guest = new GuestArtifacts(RealEngine.Layout);
        await guest.EnsurePublishedAsync("linux-x64", null, CancellationToken.None);
        var directory = guest.PublishDirectory("linux-x64");

        Assert.True(ReadyToRun(Path.Combine(directory, "BenchmarkDotNet.dll")), "BenchmarkDotNet.dll should be ReadyToRun code (PublishReadyToRun)");
        Assert.False(ReadyToRun(Path.Combine(directory, "isobench-guest.dll")), "isobench-guest.dll holds the measured methods: it must stay IL, JIT-compiled fully optimised");
    }

    /// <summary>A ReadyToRun image has a managed native header in its CLI header.</summary>
    private static bool ReadyToRun(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }
}
