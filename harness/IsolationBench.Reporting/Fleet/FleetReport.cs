using System.Globalization;
using System.Text;
using IsolationBench.Reporting.Charts;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.Fleet;

/// <summary>What a fleet report wrote.</summary>
public sealed record FleetResult(string ReportMarkdown, string IndexHtml, IReadOnlyList<string> FilesWritten, FleetAnalysis Fleet);

/// <summary>
/// `isobench report RUN_A RUN_B …`: runs from different hosts or engines side by side — each mode's overhead against
/// its own host's baseline with its interval, the host facts above each column, and each host's overhead divided by the
/// first host's where both measured the mode. Every run is analysed exactly as its own report would be.
/// </summary>
public static class FleetReport
{
    public static async Task<FleetResult> GenerateAsync(IReadOnlyList<string> runDirs, string outputDirectory, ReportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runDirs);
        ArgumentNullException.ThrowIfNull(options);
        var hosts = new List<FleetHost>();
        foreach (var dir in runDirs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Each run as its own report judges it: no fleet line compares what that report refuses to.
            var analysis = await Task.Run(() => ReportGenerator.Judge(dir, options with { Baseline = null }).ForVerdicts, cancellationToken).ConfigureAwait(false);
            hosts.Add(new FleetHost(analysis.Manifest.RunId, ChartStyle.Header(analysis.Manifest), analysis.Baseline, analysis));
        }

        var fleet = FleetAnalysis.Of(hosts);
        var outDir = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(outDir);
        var files = new List<string>();
        if (options.WriteCharts)
        {
            files.AddRange(FleetChart.Render(fleet, outDir));
        }

        var md = Path.Combine(outDir, "report.md");
        var html = Path.Combine(outDir, "index.html");
        await File.WriteAllTextAsync(md, Markdown(fleet, options.WriteCharts), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(html, Html(fleet, options.WriteCharts), cancellationToken).ConfigureAwait(false);
        files.AddRange([md, html]);
        return new FleetResult(md, html, files, fleet);
    }

    private const string Method =
        "Each run is analysed as its own report: each mode against that run's baseline (host when present, else the least-isolated mode), " +
        "with the run's 95 % interval (containers as the unit for guest workloads). \"÷ first\" divides a host's overhead by the first run's " +
        "for the same mode: a point estimate, since the two intervals come from different runs; read it with both intervals beside it.";

    internal static string Markdown(FleetAnalysis fleet, bool chart)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# IsolationBench fleet report: {string.Join(", ", fleet.Hosts.Select(h => h.RunId))}").AppendLine();
        sb.AppendLine(Method).AppendLine();
        sb.AppendLine("## Hosts").AppendLine().AppendLine("| run | host | baseline |").AppendLine("|---|---|---|");
        foreach (var h in fleet.Hosts)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {h.RunId} | {h.Facts} | {h.Baseline} |");
        }

        sb.AppendLine().AppendLine("## Overheads side by side").AppendLine();
        if (chart)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"![fleet]({FleetChart.Name}.svg)").AppendLine();
        }

        sb.AppendLine("| workload · metric | mode | " + string.Join(" | ", Headers(fleet)) + " |");
        sb.AppendLine("|---|---|" + string.Concat(Headers(fleet).Select(_ => "---:|")));
        foreach (var line in fleet.Lines)
        {
            sb.AppendLine($"| {line.Workload} · {line.Metric} | {line.Mode} | " + string.Join(" | ", Cells(line)) + " |");
        }

        foreach (var note in fleet.Notes)
        {
            sb.AppendLine().Append("- ").AppendLine(note);
        }

        return sb.ToString();
    }

    internal static string Html(FleetAnalysis fleet, bool chart)
    {
        var title = "IsolationBench fleet report: " + string.Join(", ", fleet.Hosts.Select(h => h.RunId));
        var sb = HtmlReport.Begin(title)
            .Append("<p class=\"method\">").Append(E(Method)).AppendLine("</p>")
            .AppendLine("<h2 id=\"hosts\">Hosts</h2><table class=\"env\"><tr><th>run</th><th>host</th><th>baseline</th></tr>");
        foreach (var h in fleet.Hosts)
        {
            sb.Append("<tr><td>").Append(E(h.RunId)).Append("</td><td>").Append(E(h.Facts)).Append("</td><td>").Append(E(h.Baseline)).AppendLine("</td></tr>");
        }

        sb.AppendLine("</table><h2 id=\"overheads\">Overheads side by side</h2>");
        if (chart)
        {
            sb.Append("<p><a href=\"").Append(FleetChart.Name).Append(".png\"><img src=\"").Append(FleetChart.Name)
                .AppendLine(".svg\" alt=\"overhead of every mode against each host's own baseline\"></a></p>");
        }

        sb.Append("<table><tr><th>workload · metric</th><th>mode</th>");
        foreach (var header in Headers(fleet))
        {
            sb.Append("<th>").Append(E(header)).Append("</th>");
        }

        sb.AppendLine("</tr>");
        foreach (var line in fleet.Lines)
        {
            sb.Append("<tr><td>").Append(E($"{line.Workload} · {line.Metric}")).Append("</td><td>").Append(E(line.Mode)).Append("</td>");
            foreach (var cell in Cells(line))
            {
                sb.Append("<td class=\"n\">").Append(E(cell)).Append("</td>");
            }

            sb.AppendLine("</tr>");
        }

        sb.AppendLine("</table>");
        if (fleet.Notes.Count > 0)
        {
            sb.AppendLine("<ul>");
            foreach (var note in fleet.Notes)
            {
                sb.Append("<li>").Append(E(note)).AppendLine("</li>");
            }

            sb.AppendLine("</ul>");
        }

        return sb.AppendLine("</body></html>").ToString();
    }

    private static IEnumerable<string> Headers(FleetAnalysis fleet) =>
        fleet.Hosts.Select(h => $"{h.RunId} (vs {h.Baseline})").Concat(fleet.Hosts.Skip(1).Select(h => $"{h.RunId} ÷ first"));

    private static IEnumerable<string> Cells(FleetLine line) =>
        line.PerHost.Select(Overhead).Concat(line.AgainstFirst.Skip(1).Select(r => r is { } v ? Fmt.Factor(v) + "×" : "–"));

    private static string Overhead(BaselineComparison? c) =>
        c is null ? "–" : $"{Fmt.Factor(c.Overhead)}× ({Fmt.Interval(c.OverheadCi, Fmt.Factor)})";

    private static string E(string s) => HtmlReport.E(s);
}
