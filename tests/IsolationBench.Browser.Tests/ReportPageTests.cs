using IsolationBench.Reporting;
using IsolationBench.Results;

namespace IsolationBench.Browser.Tests;

/// <summary>
/// The HTML page users open and publish, opened by a real browser (headless Chromium): every image loads, no
/// relative link is broken, nothing is logged as an error, every section is there, and at a phone's width the page
/// does not scroll sideways. A screenshot of each page is kept under the test output (screenshots/).
/// </summary>
public sealed class ReportPageTests
{
    private static readonly (string Name, int Width, int Height)[] Screens = [("desktop", 1280, 900), ("phone", 390, 844)];

    [SkippableFact]
    public async Task A_freshly_generated_report_page_loads_whole_at_desktop_and_phone_width()
    {
        using var run = RunCopy.Of("vm-run");
        var result = await ReportGenerator.GenerateAsync(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports }, CancellationToken.None);

        AssertPage(result.IndexHtml, "report", ExpectedSections(run.Path));
    }

    [SkippableFact]
    public async Task A_report_page_with_its_history_trends_loads_whole()
    {
        using var run = RunCopy.Of("vm-run");
        var history = Path.Combine(run.Path, "history", "history.csv");
        var result = await ReportGenerator.GenerateAsync(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports }, history, CancellationToken.None);

        AssertPage(result.IndexHtml, "history", [.. ExpectedSections(run.Path), "trends"]);
    }

    [SkippableFact]
    public void The_published_docs_page_loads_whole()
    {
        var docs = Path.Combine(RunCopy.RepositoryRoot, "docs");
        var manifest = Directory.GetFiles(docs, "manifest.json").FirstOrDefault();
        AssertPage(Path.Combine(docs, "index.html"), "docs", manifest is null ? ["verdicts", "method"] : ExpectedSections(docs));
    }

    [SkippableFact]
    public async Task A_chart_missing_from_the_page_is_caught()
    {
        using var run = RunCopy.Of("vm-run");
        var result = await ReportGenerator.GenerateAsync(run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports }, CancellationToken.None);
        // The page shows the SVG (the PNG is its link): delete the one the browser loads.
        var chart = Path.Combine(Path.GetDirectoryName(result.IndexHtml)!, "overview.svg");
        Assert.True(File.Exists(chart), "the report wrote no overview.svg to delete");
        File.Delete(chart);

        using var browser = HeadlessChromium.Start(1280, 900);
        browser.Open(result.IndexHtml);

        Assert.Contains(PageChecks.BrokenImages(browser), p => p.Contains("overview.svg", StringComparison.Ordinal));
    }

    /// <summary>The sections every page has, and one per workload of the run.</summary>
    private static IReadOnlyList<string> ExpectedSections(string runDirectory) =>
        ["verdicts", "environment", "method", .. new RunDirectory(runDirectory).ReadManifest().Workloads.Select(w => w.ToLowerInvariant())];

    private static void AssertPage(string page, string name, IReadOnlyList<string> sections)
    {
        Assert.True(File.Exists(page), page + " was not written");
        foreach (var (screen, width, height) in Screens)
        {
            using var browser = HeadlessChromium.Start(width, height);
            browser.Open(page);

            var problems = new List<string>();
            problems.AddRange(PageChecks.BrokenImages(browser));
            var shot = browser.Screenshot($"{name}-{screen}");
            problems.AddRange(PageChecks.BrokenLinks(browser, page));
            problems.AddRange(browser.Errors().Select(e => "console: " + e));
            if (screen == "phone")
            {
                problems.AddRange(PageChecks.HorizontalScroll(browser));
            }

            var headings = PageChecks.Sections(browser);
            problems.AddRange(sections
                .Where(s => !headings.Any(h => h.StartsWith(s + " ", StringComparison.OrdinalIgnoreCase) || h.Equals(s, StringComparison.OrdinalIgnoreCase)))
                .Select(s => $"section '{s}' missing (headings: {string.Join(", ", headings)})"));
            Assert.True(problems.Count == 0, $"{page} at {width}×{height} (screenshot {shot}):\n" + string.Join("\n", problems));
        }
    }
}
