using IsolationBench.Workloads.Guest;

namespace IsolationBench.Harness.Tests.Unit;

/// <summary>The host's io scratch goes beside the engine's data root only when the same mount holds both.</summary>
public sealed class ScratchLocationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("isobench-scratch-test").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string DataRoot => Directory.CreateDirectory(Path.Combine(_root, "lib", "docker")).FullName;

    [Fact]
    public void BesideTheDataRootWhenTheSameMountHoldsIt()
    {
        var choice = ScratchLocation.Choose(null, DataRoot, "/tmp", _ => "/");

        Assert.Equal(Path.Combine(_root, "lib", ScratchLocation.FolderName), choice.Root);
        Assert.Contains("on its filesystem (/)", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnderTheTempFolderWhenTheSiblingIsOnAnotherMount()
    {
        // e.g. /var/lib/docker is its own disk: the sibling /var/lib/… would be on the root filesystem instead.
        var dataRoot = DataRoot;
        var choice = ScratchLocation.Choose(null, dataRoot, "/tmp", p => p == dataRoot ? dataRoot : "/");

        Assert.Equal(Path.Combine("/tmp", "isobench-scratch"), choice.Root);
        Assert.Contains("is not on the filesystem of the engine's data root", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownMountsAreNotTakenForTheSame()
    {
        var choice = ScratchLocation.Choose(null, DataRoot, "/tmp", _ => null);

        Assert.Equal(Path.Combine("/tmp", "isobench-scratch"), choice.Root);
    }

    [Theory]
    [InlineData(null, "no engine")]
    [InlineData("", "no engine")]
    [InlineData("/no/such/engine/root", "is not on this machine")]
    public void WithoutALocalDataRootTheTempFolder(string? dataRoot, string reason)
    {
        var choice = ScratchLocation.Choose(null, dataRoot, "/tmp", _ => "/");

        Assert.Equal(Path.Combine("/tmp", "isobench-scratch"), choice.Root);
        Assert.Contains(reason, choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ARequestedFolderIsUsedAsIs() =>
        Assert.Equal("/dev/shm/x", ScratchLocation.Choose("/dev/shm/x", DataRoot, "/tmp", _ => "/").Root);

    [Fact]
    public void ABindMountOfTheSameFilesystemIsTheSameFilesystem()
    {
        // As on this machine: /var/lib/docker is a mount of /dev/vda beside / on /dev/vda: one filesystem, two mount points.
        var dataRoot = DataRoot;
        var choice = ScratchLocation.Choose(null, dataRoot, "/tmp", _ => "254:0 ext4");

        Assert.Equal(Path.Combine(_root, "lib", ScratchLocation.FolderName), choice.Root);
    }

    [Fact]
    public void TheRealFilesystemOfAFolderAndItsNotYetCreatedChildAreTheSame()
    {
        var here = ScratchLocation.FilesystemOf(_root);

        Assert.NotNull(here);
        Assert.Equal(here, ScratchLocation.FilesystemOf(Path.Combine(_root, "not-yet", "created")));
    }
}
