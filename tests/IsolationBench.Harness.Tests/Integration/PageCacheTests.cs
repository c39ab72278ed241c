using System.Diagnostics;
using System.Globalization;
using IsolationBench.Harness.Hosting;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>--cold's drop, for real (Linux, root): a file just read is in the page cache, and after the drop it is not (fincore, util-linux, is the referee).</summary>
public sealed class PageCacheTests
{
    [SkippableFact]
    public async Task After_the_drop_a_file_just_read_has_no_page_left_in_the_cache()
    {
        Skip.IfNot(PageCache.RefusalHere() is null, PageCache.RefusalHere());
        Skip.IfNot(File.Exists("/usr/bin/fincore"), "fincore (util-linux) is not installed");
        // On a disk filesystem, not a tmpfs (whose pages cannot be dropped): beside the test binaries.
        var file = Path.Combine(AppContext.BaseDirectory, "page-cache-" + Guid.NewGuid().ToString("N") + ".bin");
        try
        {
            await File.WriteAllBytesAsync(file, new byte[8 * 1024 * 1024]);
            _ = await File.ReadAllBytesAsync(file);
            Assert.True(await ResidentPagesAsync(file) > 0, "the file just written and read is cached");

            await PageCache.DropAsync(CancellationToken.None);

            Assert.Equal(0, await ResidentPagesAsync(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<long> ResidentPagesAsync(string file)
    {
        var info = new ProcessStartInfo("/usr/bin/fincore") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "--raw", "--noheadings", "--bytes", "--output", "PAGES", file })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return long.Parse(output.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
    }
}
