using IsolationBench.Harness.Images;

namespace IsolationBench.Harness.Tests.Unit;

/// <summary>A publish fills its folder anew: nothing an earlier publish left can shadow what the new one wrote.</summary>
public sealed class ReplaceFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("isobench-replace-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_file_left_by_an_earlier_publish_is_gone_and_the_new_files_are_there()
    {
        var folder = Path.Combine(_root, "linux-x64");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "Stale.dll"), "6.0");
        await File.WriteAllTextAsync(Path.Combine(folder, "Shared.dll"), "old");

        await RepositoryLayout.ReplaceFolderAsync(folder, async staging =>
        {
            Directory.CreateDirectory(staging);
            await File.WriteAllTextAsync(Path.Combine(staging, "Shared.dll"), "new");
        });

        Assert.False(File.Exists(Path.Combine(folder, "Stale.dll")));
        Assert.Equal("new", await File.ReadAllTextAsync(Path.Combine(folder, "Shared.dll")));
        Assert.Equal([folder], Directory.GetDirectories(_root));
    }

    [Fact]
    public async Task A_failed_publish_leaves_the_old_folder_as_it_was_and_no_staging_folder()
    {
        var folder = Path.Combine(_root, "linux-x64");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "Guest.dll"), "old");

        await Assert.ThrowsAsync<InvalidOperationException>(() => RepositoryLayout.ReplaceFolderAsync(folder, staging =>
        {
            Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, "half.dll"), "x");
            throw new InvalidOperationException("publish failed");
        }));

        Assert.Equal("old", await File.ReadAllTextAsync(Path.Combine(folder, "Guest.dll")));
        Assert.Equal([folder], Directory.GetDirectories(_root));
    }
}
