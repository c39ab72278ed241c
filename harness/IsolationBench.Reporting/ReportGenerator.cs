using IsolationBench.Reporting.Charts;
using IsolationBench.Reporting.Export;
using IsolationBench.Reporting.History;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting;

/// <summary>
/// `isobench report RUN_DIR`: reads a run directory (never re-measures) and writes report.md, index.html,
/// summary.csv and the charts into the output directory, and nowhere else.
/// </summary>
public static class ReportGenerator
{
    /// <exception cref="ResultsFormatException">samples.csv, manifest.json or fingerprints.jsonl is unreadable (names file and line).</exception>
    /// <exception cref="ArgumentException">the baseline mode has no samples (the message names the modes present) or failed verification.</exception>
    public static Task<ReportResult> GenerateAsync(string runDir, ReportOptions options, CancellationToken ct) =>
        GenerateAsync(runDir, options, historyPath: null, ct);

    /// <param name="historyPath">when given, this run's rows are appended to that history (atomic, idempotent per run id) and trend charts added.</param>
    /// <exception cref="ResultsFormatException">also: the history file is foreign or corrupt (it is checked before anything is written, and never overwritten).</exception>
    public static async Task<ReportResult> GenerateAsync(string runDir, ReportOptions options, string? historyPath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runDir);
        ArgumentNullException.ThrowIfNull(options);
        var run = new RunDirectory(runDir);
        var manifest = run.ReadManifest();
        if (!File.Exists(run.Samples))
        {
            throw new ResultsFormatException(run.Samples, 0, "not found: the run measured nothing yet");
        }

        var samples = SampleCsv.Read(run.Samples);
        var fingerprints = run.ReadFingerprints();
        ct.ThrowIfCancellationRequested();

        var analysis = await Task.Run(() => RunAnalyzer.Analyze(manifest, samples, fingerprints, options, run.Samples), ct).ConfigureAwait(false);
        if (historyPath is not null)
        {
            HistoryStore.Read(historyPath);
        }

        var outDir = Path.GetFullPath(options.OutputDirectory ?? Path.Combine(run.Path, "report"));
        Directory.CreateDirectory(outDir);

        var files = new List<string>();
        var charts = new List<string>();
        if (options.WriteCharts)
        {
            foreach (var (name, render) in ChartJobs(analysis))
            {
                ct.ThrowIfCancellationRequested();
                var written = render(outDir);
                if (written.Count > 0)
                {
                    files.AddRange(written);
                    charts.Add(name);
                }
            }
        }

        var verdicts = Verdicts.For(analysis);
        var warnings = new List<string>(CpuControl.Warnings(analysis));
        if (analysis.Rows.Any(r => r.Workload != "startup" && r.Statistics.Rounds == 1))
        {
            warnings.Add("guest benchmarks ran one container per mode: their intervals cover the variation inside one container only; run with --guest-rounds 3 or more to include the variation between containers");
        }

        if (manifest.Status != "complete")
        {
            warnings.Insert(0, $"run status is '{manifest.Status}', not 'complete': some rounds or modes may be missing");
        }

        warnings.AddRange(analysis.Rows.Where(r => r.Statistics.NFailed > 0).Select(r => FormattableString.Invariant(
            $"{r.Statistics.NFailed} failed sample(s) of {r.Mode} {r.Workload}/{r.Metric} were left out of the statistics")));

        var trends = new List<string>();
        if (historyPath is not null)
        {
            var (append, trendFiles, trendCharts) = HistoryReport.AppendAndChart(analysis, run.Path, historyPath, outDir, options.WriteCharts, ct);
            files.AddRange(trendFiles);
            trends.AddRange(trendCharts);
            files.Add(append.Path);
            if (append.AlreadyPresent)
            {
                warnings.Add(append.Describe());
            }
        }

        files.AddRange(BenchmarkActionExport.Write(analysis, outDir));
        var content = ReportContent.From(analysis, verdicts, warnings, charts) with { Trends = trends, Resources = Output.ResourcesSection.Markdown(analysis.Manifest), EngineBench = CrossCheck.EngineBenchSection.Load(run.Path, analysis, samples) };
        var md = Path.Combine(outDir, ReportFiles.Markdown);
        await File.WriteAllTextAsync(md, MarkdownReport.Render(content), ct).ConfigureAwait(false);
        var html = Path.Combine(outDir, ReportFiles.Html);
        await File.WriteAllTextAsync(html, HtmlReport.Render(content), ct).ConfigureAwait(false);
        var csv = Path.Combine(outDir, ReportFiles.Summary);
        await SummaryCsv.WriteAsync(analysis, csv, ct).ConfigureAwait(false);
        files.AddRange([md, html, csv]);

        return new ReportResult(outDir, files, verdicts, warnings, analysis.Excluded);
    }

    private static IEnumerable<(string Name, Func<string, IReadOnlyList<string>> Render)> ChartJobs(RunAnalysis a)
    {
        foreach (var workload in a.Workloads)
        {
            yield return (ChartNames.Overhead(workload), dir => OverheadChart.Render(a, workload, dir));
        }

        if (a.Workloads.Contains(RunAnalysis.StartupWorkload))
        {
            yield return (ChartNames.StartupPhases, dir => StartupPhasesChart.Render(a, dir));
            yield return (ChartNames.StartupDistribution, dir => StartupDistributionChart.Render(a, dir));
        }
    }
}
