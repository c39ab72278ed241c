using IsolationBench.Results.BenchmarkDotNet;
using IsolationBench.Results.Io;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

/// <summary>
/// The built guest's random reads (smoke profile: one iteration each, a pipeline check) on a real filesystem: the
/// mincore check after the drop decides the label, so a disk-backed target is a device read and a tmpfs target,
/// whose pages cannot be dropped, a cache read; io-targets.json names both filesystems.
/// </summary>
public sealed class GuestIoEndToEndTests
{
    private static readonly GuestSampleContext Context = new("e2e", 1, "host", "host:0", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task OnADiskTheReadAfterTheDropIsADeviceRead()
    {
        // The build output folder sits on the repository's disk (never tmpfs where these tests run).
        var (artifacts, layer) = Folders(Path.Combine(AppContext.BaseDirectory, "io-e2e"));

        var units = await RunReads(artifacts, layer);

        var target = Assert.Single(GuestIoFacts.Targets(artifacts, Context));
        Assert.False(target.IsMemoryBacked, $"{layer} is on {target.FsType}: run this test from a disk-backed checkout");
        Assert.Equal(ReadKinds.Device, ReadKinds.Classify(units["RandomRead4KiB@layer"].Residency));
        Assert.Equal(ReadKinds.Device, ReadKinds.Classify(units["RandomRead4KiBDirect@layer"].Residency));
        Assert.All(GuestIoFacts.Reads(artifacts, Context), r => Assert.Equal(65536, r.FilePages));
    }

    [Fact]
    public async Task OnTmpfsTheDropDoesNothingAndTheReadIsLabelledACacheRead()
    {
        Assert.True(Directory.Exists("/dev/shm"), "no /dev/shm on this Linux");
        var (artifacts, layer) = Folders("/dev/shm");

        var units = await RunReads(artifacts, layer);

        var target = Assert.Single(GuestIoFacts.Targets(artifacts, Context));
        Assert.Equal(("tmpfs", "tmpfs"), (target.FsType, target.StatfsType));
        Assert.True(target.IsMemoryBacked);
        var checks = units["RandomRead4KiB@layer"].Residency;
        Assert.NotEmpty(checks);
        Assert.All(checks, c => Assert.Equal(c.FilePages, c.ResidentPages));
        Assert.Equal(ReadKinds.Cache, ReadKinds.Classify(checks));
        Assert.Contains(GuestIoFacts.Reads(artifacts, Context), r => r.Metric == "RandomRead4KiB@layer" && r.ReadKind == ReadKinds.Cache);
    }

    private static (string Artifacts, string Layer) Folders(string parent)
    {
        Directory.CreateDirectory(parent);
        var root = Directory.CreateTempSubdirectory("isobench-io-e2e").FullName;
        var layer = Directory.CreateDirectory(Path.Combine(parent, "isobench-io-e2e-" + Path.GetFileName(root))).FullName;
        return (root, layer);
    }

    private static async Task<IReadOnlyDictionary<string, GuestUnit>> RunReads(string artifacts, string layer)
    {
        try
        {
            var (code, output) = await GuestEndToEndTests.RunGuest(
                ["--category", "io", "--profile", "smoke", "--artifacts", artifacts, "--layer-dir", layer, "--filter", "*RandomRead4KiB*"]);

            Assert.True(code == 0, output);
            return GuestUnitsFile.Read(Path.Combine(artifacts, GuestUnitsFile.FileName)).Values.ToDictionary(u => u.Metric, StringComparer.Ordinal);
        }
        finally
        {
            Directory.Delete(layer, recursive: true);
        }
    }
}
