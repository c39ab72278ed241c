namespace IsolationBench.Browser.Tests;

/// <summary>What a reader of a report page would notice broken, asked of the real browser: each check returns the problems it found.</summary>
internal static class PageChecks
{
    /// <summary>Images are loading="lazy": each is scrolled into view as a reader would, then given up to 10 s to finish.</summary>
    public static IReadOnlyList<string> BrokenImages(HeadlessChromium browser)
    {
        var images = browser.Script<long>("return document.images.length");
        for (var i = 0; i < images; i++)
        {
            // One at a time with a pause: lazy loading starts when the image has been in view for a frame.
            browser.Script<object?>($"document.images[{i}].scrollIntoView(); return null;");
            Thread.Sleep(150);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!browser.Script<bool>("return Array.from(document.images).every(i => i.complete)") && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
        }

        var broken = browser.Script<IReadOnlyCollection<object>>(
            "return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src'))");
        return images == 0 ? ["the page shows no image at all"] : [.. broken.Select(src => "image does not load: " + src)];
    }

    /// <summary>Relative links must name a file next to the page, and #anchors an element on it; external links are not followed (offline).</summary>
    public static IReadOnlyList<string> BrokenLinks(HeadlessChromium browser, string page)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(page))!;
        var hrefs = browser.Script<IReadOnlyCollection<object>>("return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))");
        var problems = new List<string>();
        foreach (var href in hrefs.Select(h => h.ToString() ?? string.Empty))
        {
            if (href.StartsWith('#'))
            {
                var id = Uri.UnescapeDataString(href[1..]);
                if (id.Length > 0 && !browser.Script<bool>($"return document.getElementById({System.Text.Json.JsonSerializer.Serialize(id)}) !== null"))
                {
                    problems.Add("anchor without a target: " + href);
                }
            }
            else if (!href.Contains("://", StringComparison.Ordinal) && !href.StartsWith("mailto:", StringComparison.Ordinal))
            {
                var path = Uri.UnescapeDataString(href.Split('#', '?')[0]);
                if (!File.Exists(Path.Combine(folder, path)) && !Directory.Exists(Path.Combine(folder, path)))
                {
                    problems.Add("relative link to a missing file: " + href);
                }
            }
        }

        return problems;
    }

    /// <summary>At a phone's width the body must not scroll sideways: wide tables scroll in their own box instead.</summary>
    public static IReadOnlyList<string> HorizontalScroll(HeadlessChromium browser)
    {
        var scroll = browser.Script<long>("return document.documentElement.scrollWidth");
        var width = browser.Script<long>("return document.documentElement.clientWidth");
        if (scroll <= width)
        {
            return [];
        }

        var culprits = browser.Script<IReadOnlyCollection<object>>(
            "const w = document.documentElement.clientWidth; return Array.from(document.body.querySelectorAll('*'))" +
            ".filter(e => e.getBoundingClientRect().right > w + 1 && getComputedStyle(e).position !== 'fixed')" +
            ".filter(e => !Array.from(e.children).some(c => c.getBoundingClientRect().right > w + 1))" +
            ".slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || '').trim().slice(0, 40))");
        return [$"the body scrolls sideways: {scroll} px of content in {width} px ({string.Join("; ", culprits)})"];
    }

    /// <summary>The ids and texts of the page's section headings.</summary>
    public static IReadOnlyList<string> Sections(HeadlessChromium browser) =>
        [.. browser.Script<IReadOnlyCollection<object>>("return Array.from(document.querySelectorAll('h2')).map(h => (h.id ? h.id + ' ' : '') + h.textContent.trim())")
            .Select(o => o.ToString() ?? string.Empty)];
}
