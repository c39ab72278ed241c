using IsolationBench.Benchmarks.Guest.Filesystems;
using IsolationBench.Fingerprint;
using Xunit;

namespace IsolationBench.Benchmarks.Guest.Tests;

/// <summary>statfs names and /proc/self/mountinfo parsing: what every io target's filesystem is reported as.</summary>
public sealed class FilesystemsTests
{
    // Recorded on this machine (host), in a runc container, and a made-up line with escapes and optional fields.
    private const string HostMountInfo =
        "22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw,discard\n"
        + "25 22 0:22 / /dev/shm rw,nosuid,nodev shared:4 - tmpfs tmpfs rw,size=24683656k\n"
        + "40 22 254:0 /var/lib/docker /var/lib/docker rw,relatime shared:1 - ext4 /dev/vda rw,discard\n"
        + "41 22 0:45 / /mnt/with\\040space rw,noatime master:3 shared:9 - xfs /dev/sdb1 rw,attr2\n"
        + "garbage line\n";

    private const string ContainerMountInfo =
        "600 550 0:98 / / rw,relatime master:210 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/A:/var/lib/docker/overlay2/l/B,upperdir=/var/lib/docker/overlay2/x/diff,workdir=/var/lib/docker/overlay2/x/work\n"
        + "601 600 0:101 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw\n"
        + "610 600 254:0 /var/lib/isolationbench-scratch/run/runc/volume /work/volume rw,relatime - ext4 /dev/vda rw,discard\n";

    [Theory]
    [InlineData(0xEF53L, "ext2/3/4")]
    [InlineData(0x01021994L, "tmpfs")]
    [InlineData(0x794C7630L, "overlay")]
    [InlineData(0x58465342L, "xfs")]
    [InlineData(0x9123683EL, "btrfs")]
    [InlineData(0x858458F6L, "ramfs")]
    [InlineData(0x01021997L, "9p")]
    [InlineData(unchecked((long)0xFFFFFFFF9123683EUL), "btrfs")] // f_type sign-extended from a 32-bit magic
    public void StatfsMagicNames(long magic, string name) => Assert.Equal(name, FileSystemNames.FromMagic(magic));

    [Fact]
    public void UnknownMagicIsNamedWithItsNumberNeverGuessed() =>
        Assert.Equal("unknown (0x12345678)", FileSystemNames.FromMagic(0x12345678));

    [Fact]
    public void ParsesTypeSourceOptionsAndEscapedMountPoints()
    {
        var mounts = MountInfo.Parse(HostMountInfo);

        Assert.Equal(4, mounts.Count); // the garbage line is skipped
        Assert.Equal(new MountEntry(254, 0, "/", "ext4", "/dev/vda", "rw,relatime", "rw,discard"), mounts[0]);
        Assert.Equal(new MountEntry(0, 45, "/mnt/with space", "xfs", "/dev/sdb1", "rw,noatime", "rw,attr2"), mounts[3]);
    }

    [Theory]
    [InlineData("/tmp/isobench-scratch/r/host/layer", "/", "ext4")]
    [InlineData("/dev/shm/isobench", "/dev/shm", "tmpfs")]
    [InlineData("/dev/shmx", "/", "ext4")] // a prefix of the name is not a parent folder
    [InlineData("/var/lib/isolationbench-scratch/r/host/layer", "/", "ext4")]
    [InlineData("/var/lib/docker/overlay2", "/var/lib/docker", "ext4")]
    [InlineData("/mnt/with space/x", "/mnt/with space", "xfs")]
    public void FindsTheMountHoldingAPath(string path, string mountPoint, string fsType)
    {
        var mount = MountInfo.Find(MountInfo.Parse(HostMountInfo), path);

        Assert.Equal((mountPoint, fsType), (mount!.MountPoint, mount.FsType));
    }

    [Fact]
    public void InAContainerTheLayerIsOverlayAndTheVolumeIsTheHostsFilesystem()
    {
        var mounts = MountInfo.Parse(ContainerMountInfo);

        Assert.Equal("overlay", MountInfo.Find(mounts, "/work/layer")!.FsType);
        Assert.Equal(("ext4", "rw,relatime"), (MountInfo.Find(mounts, "/work/volume/isobench-io")!.FsType, MountInfo.Find(mounts, "/work/volume")!.MountOptions));
    }

    [Fact]
    public void TheDeviceDecidesBetweenMountsThatBothHoldThePath()
    {
        // A bind mount of / elsewhere and a tmpfs over the same point: the path's own st_dev picks the right one.
        var mounts = MountInfo.Parse(
            "1 0 254:0 / /data rw - ext4 /dev/vda rw\n"
            + "2 1 0:30 / /data rw - tmpfs tmpfs rw\n");

        Assert.Equal("tmpfs", MountInfo.Find(mounts, "/data/x")!.FsType); // later mount hides the earlier one
        Assert.Equal("ext4", MountInfo.Find(mounts, "/data/x", (254, 0))!.FsType);
    }

    [Theory]
    [InlineData(254u, 0u)] // /dev/vda here
    [InlineData(0u, 45u)] // an anonymous device (overlay, tmpfs)
    [InlineData(1u, 259u)] // minor above 8 bits
    [InlineData(300u, 70000u)] // major above 8 bits, minor above 16
    public void SplitsDevNumbersAsGlibcBuildsThem(uint major, uint minor) =>
        Assert.Equal(((int)major, (int)minor), MountInfo.Split(Makedev(major, minor)));

    [Fact]
    public void SplitsARecordedStDev() => Assert.Equal((254, 0), MountInfo.Split(0xFE00));

    /// <summary>glibc's makedev, to build numbers whose fields cross the 8-bit boundary.</summary>
    private static ulong Makedev(uint major, uint minor) =>
        ((ulong)(major & 0xFFFFF000) << 32) | ((ulong)(major & 0xFFF) << 8) | ((ulong)(minor & 0xFFFFFF00) << 12) | (minor & 0xFF);
}
