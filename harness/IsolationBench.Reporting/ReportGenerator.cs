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

    /// <summary>Reads a run directory and analyses it, writing nothing: what the report and the console tables are made from.</summary>
    public static RunAnalysis Analyze(string runDir, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(runDir);
        ArgumentNullException.ThrowIfNull(options);
        var run = new RunDirectory(runDir);
        var manifest = run.ReadManifest();
        if (!File.Exists(run.Samples))
        {
            throw new ResultsFormatException(run.Samples, 0, "not found: the run measured nothing yet");
        }

        return RunAnalyzer.Analyze(manifest, SampleCsv.Read(run.Samples), run.ReadFingerprints(), options, run.Samples);
    }

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
        var io = Io.IoFindings.Load(run.Path, analysis);
        var network = Network.NetworkFindings.From(analysis);
        // The referees' rows (fio, iperf3) and refused comparisons are out of every verdict and chart.
        var judged = network.ForVerdicts(io.ForVerdicts(analysis));
        if (options.WriteCharts)
        {
            foreach (var (name, render) in ChartJobs(judged))
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

        var verdicts = network.WithRefusals(io.WithRefusals(Verdicts.For(judged)));
        var warnings = new List<string>(CpuControl.Warnings(analysis));
        // Only a lack of units is worth this advice; other reasons (a phase with zeros has no log interval) are in the tables.
        var fewUnits = analysis.Rows.Where(r => r.Comparison?.Withheld?.StartsWith("too few", StringComparison.Ordinal) == true).Select(r => r.Workload).Distinct().ToList();
        if (fewUnits.Count > 0)
        {
            warnings.Add(FormattableString.Invariant(
                $"{string.Join(", ", fewUnits)}: fewer than {Statistics.Significance.MinUnits} containers (or startup samples) per mode, so no difference there is called significant; run with --guest-rounds {Statistics.Significance.MinUnits} (or --samples {Statistics.Significance.MinUnits}) or more"));
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
        var designChecks = DesignChecks(analysis, run.Path, samples, warnings);
        var content = network.Apply(io.Apply(ReportContent.From(analysis, verdicts, warnings, charts))) with
        {
            Trends = trends,
            Resources = Output.ResourcesSection.Markdown(analysis.Manifest),
            EngineBench = CrossCheck.EngineBenchSection.Load(run.Path, analysis, samples),
            DesignChecks = designChecks,
        };
        var md = Path.Combine(outDir, ReportFiles.Markdown);
        await File.WriteAllTextAsync(md, MarkdownReport.Render(content), ct).ConfigureAwait(false);
        var html = Path.Combine(outDir, ReportFiles.Html);
        await File.WriteAllTextAsync(html, HtmlReport.Render(content), ct).ConfigureAwait(false);
        var csv = Path.Combine(outDir, ReportFiles.Summary);
        await SummaryCsv.WriteAsync(analysis, csv, ct).ConfigureAwait(false);
        files.AddRange([md, html, csv]);

        return new ReportResult(outDir, files, verdicts, warnings, analysis.Excluded) { Analysis = analysis };
    }

    /// <summary>The order effect per mode and the engine-clock cross-check, as lines; each finding beyond 10 % also becomes a warning.</summary>
    private static List<string> DesignChecks(RunAnalysis analysis, string runPath, IReadOnlyList<Sample> samples, List<string> warnings)
    {
        var lines = new List<string>();
        foreach (var row in OrderEffect.Estimate(analysis))
        {
            var groups = string.Join(", ", row.ByPredecessor.Select(g => FormattableString.Invariant($"after {g.Predecessor} {Fmt.Factor(g.Median)} ({g.Units} units)")));
            var line = $"order effect, {row.Mode} on {row.Workload}: median relative to the mode's own, by predecessor: {groups}; spread {Fmt.SignedPercent(row.Spread)}";
            lines.Add(line);
            if (row.Exceeds)
            {
                warnings.Add($"order effect beyond {OrderEffect.Threshold:P0}: {row.Mode} on {row.Workload} depends on which mode ran before it (spread {Fmt.SignedPercent(row.Spread)})");
            }
        }

        if (CrossCheck.EngineEvents.Read(runPath) is { } events)
        {
            foreach (var row in CrossCheck.EngineClockCheck.Compare(events, samples))
            {
                lines.Add("engine clock, " + row.Sentence);
                if (row.Exceeds)
                {
                    warnings.Add("engine clock disagrees with the harness: " + row.Sentence);
                }
            }
        }

        return lines;
    }

    private static IEnumerable<(string Name, Func<string, IReadOnlyList<string>> Render)> ChartJobs(RunAnalysis a)
    {
        yield return (ChartNames.Overview, dir => OverviewChart.Render(a, dir));
        foreach (var workload in a.Workloads)
        {
            yield return (ChartNames.Overhead(workload), dir => OverheadChart.Render(a, workload, dir));
        }

        foreach (var chart in a.Workloads.SelectMany(Workloads.ReportCatalog.ChartsOf))
        {
            yield return (chart.Name, dir => chart.Render(a, dir));
        }
    }
}
