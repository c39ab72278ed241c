using System.Globalization;
using IsolationBench.Results.BenchmarkDotNet;
using IsolationBench.Results.Io;
using Xunit;

namespace IsolationBench.Results.Tests;

/// <summary>Residency labelling, io-targets.csv / io-reads.csv, and the residency in isobench-units.json.</summary>
public sealed class IoFactsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("isobench-iofacts").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(new long[] { 0, 0, 0 }, ReadKinds.Device)]
    [InlineData(new long[] { 0, 655, 1 }, ReadKinds.Device)] // at most 1 % of 65536 pages: a few come back on open
    [InlineData(new long[] { 0, 656, 0 }, ReadKinds.Cache)] // one check above 1 % makes the series a cache read
    [InlineData(new long[] { 65536, 65536 }, ReadKinds.Cache)] // gVisor's mincore and tmpfs: everything resident
    public void ResidencyDecidesDeviceOrCacheRead(long[] resident, string kind) =>
        Assert.Equal(kind, ReadKinds.Classify([.. resident.Select(r => (65536L, r))]));

    [Fact]
    public void NoChecksClaimNothing() => Assert.Null(ReadKinds.Classify([]));

    [Fact]
    public void AnEmptyFileIsNeverADeviceRead() => Assert.Equal(ReadKinds.Cache, ReadKinds.Classify([(0L, 0L)]));

    [Fact]
    public void TargetsAndReadsRoundTripUnderACommaDecimalCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            IoFactsCsv.AppendTargets(_dir, [new IoTargetRow("r", 1, "host", "layer", "ext4", "ext2/3/4", "rw,relatime")]);
            IoFactsCsv.AppendTargets(_dir, [new IoTargetRow("r", 2, "runc", "layer", "overlay", "overlay", "rw,relatime")]);
            IoFactsCsv.AppendReads(_dir, [new IoReadRow("r", 1, "runsc", "RandomRead4KiB@layer", 11, 1_234_567, 65536, ReadKinds.Cache)]);

            Assert.Equal(
                [new IoTargetRow("r", 1, "host", "layer", "ext4", "ext2/3/4", "rw,relatime"), new IoTargetRow("r", 2, "runc", "layer", "overlay", "overlay", "rw,relatime")],
                IoFactsCsv.ReadTargets(_dir));
            Assert.Equal(new IoReadRow("r", 1, "runsc", "RandomRead4KiB@layer", 11, 1_234_567, 65536, ReadKinds.Cache), Assert.Single(IoFactsCsv.ReadReads(_dir)));
            Assert.Equal(string.Join(',', IoFactsCsv.TargetColumns), File.ReadLines(Path.Combine(_dir, IoFactsCsv.TargetsFile)).First());
            Assert.Contains("\"rw,relatime\"", File.ReadAllText(Path.Combine(_dir, IoFactsCsv.TargetsFile)), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void ARunWithoutTheFilesHasNoFacts()
    {
        Assert.Empty(IoFactsCsv.ReadTargets(_dir));
        Assert.Empty(IoFactsCsv.ReadReads(_dir));
    }

    [Fact]
    public void ResidencyComesFromTheUnitsFileAndTargetsFromIoTargetsJson()
    {
        File.WriteAllText(Path.Combine(_dir, GuestUnitsFile.FileName), """
            {"schema":1,"benchmarks":{
              "A.RandomRead4KiB(Target: \"layer\")":{"category":"io","metric":"RandomRead4KiB@layer","unit":"ops/s","ops_per_invoke":4096,"cache_note":"n",
                "residency":[{"file_pages":65536,"resident_pages":0},{"file_pages":65536,"resident_pages":2}]},
              "A.SequentialWrite1MiB(Target: \"layer\")":{"category":"io","metric":"SequentialWrite1MiB@layer","unit":"MB/s","bytes_per_op":268435456,"ops_per_invoke":1,"cache_note":"n"}}}
            """);
        File.WriteAllText(Path.Combine(_dir, GuestIoFacts.TargetsJson), """
            {"schema":1,"targets":[
              {"target":"layer","path":"/work/layer","fs_type":"overlay","fs_magic":"0x794c7630","mount_point":"/","mount_fs_type":"overlay","mount_options":"rw,relatime"},
              {"target":"volume","path":"/work/volume","fs_type":"ext2/3/4","fs_magic":"0xef53"}]}
            """);
        var context = new GuestSampleContext("r", 3, "runc", "c", DateTimeOffset.UnixEpoch);

        Assert.Equal(new IoReadRow("r", 3, "runc", "RandomRead4KiB@layer", 2, 65536, 2, ReadKinds.Device), Assert.Single(GuestIoFacts.Reads(_dir, context)));
        Assert.Equal(
            [new IoTargetRow("r", 3, "runc", "layer", "overlay", "overlay", "rw,relatime"), new IoTargetRow("r", 3, "runc", "volume", "ext2/3/4", "ext2/3/4", string.Empty)],
            GuestIoFacts.Targets(_dir, context));
    }
}
