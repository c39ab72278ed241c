namespace IsolationBench.Reporting;

/// <summary>`isobench publish RUN_DIR DOCS_DIR`: copies a generated report (pages, charts, summary) into docs/.</summary>
public static class ReportPublisher
{
    private static readonly string[] Patterns = [ReportFiles.Html, ReportFiles.Markdown, ReportFiles.Summary, "*.svg", "*.png"];

    /// <summary>Copies index.html, report.md, summary.csv and every chart; links are relative, so they keep working.</summary>
    /// <returns>The files written under <paramref name="docsDir"/>.</returns>
    public static IReadOnlyList<string> Publish(string reportDir, string docsDir)
    {
        ArgumentNullException.ThrowIfNull(reportDir);
        ArgumentNullException.ThrowIfNull(docsDir);
        var from = Path.GetFullPath(reportDir);
        if (!File.Exists(Path.Combine(from, ReportFiles.Html)))
        {
            throw new FileNotFoundException(
                $"{from} holds no {ReportFiles.Html}: run `isobench report RUN_DIR` first (or pass RUN_DIR/report)", Path.Combine(from, ReportFiles.Html));
        }

        var to = Path.GetFullPath(docsDir);
        if (string.Equals(from, to, StringComparison.Ordinal))
        {
            throw new ArgumentException($"publish target {to} is the report directory itself", nameof(docsDir));
        }

        Directory.CreateDirectory(to);
        var written = new List<string>();
        foreach (var file in Patterns.SelectMany(p => Directory.EnumerateFiles(from, p, SearchOption.TopDirectoryOnly)).Distinct().Order(StringComparer.Ordinal))
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, target, overwrite: true);
            written.Add(target);
        }

        return written;
    }
}
