using IsolationBench.Reporting.Analysers;
using IsolationBench.Reporting.Exporters;
using IsolationBench.Reporting.History;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Results;

namespace IsolationBench.Reporting;

/// <summary>
/// `isobench report RUN_DIR`: reads a run directory (never re-measures), analyses it, lets the analysers judge it,
/// and has every exporter write from that one judged analysis into the output directory, and nowhere else.
/// </summary>
public static class ReportGenerator
{
    /// <exception cref="ResultsFormatException">samples.csv, manifest.json or fingerprints.jsonl is unreadable (names file and line).</exception>
    /// <exception cref="ArgumentException">the baseline mode has no samples (the message names the modes present) or failed verification.</exception>
    public static Task<ReportResult> GenerateAsync(string runDir, ReportOptions options, CancellationToken ct) =>
        GenerateAsync(runDir, options, historyPath: null, ct);

    /// <summary>Reads a run directory and analyses it, writing nothing (before any analyser's judgement).</summary>
    public static RunAnalysis Analyze(string runDir, ReportOptions options) => Read(runDir, options).Analysis;

    /// <summary>Reads, analyses and judges a run directory, writing nothing: what the report and the console tables are made from.</summary>
    public static JudgedAnalysis Judge(string runDir, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Analysers.Judge.Run(Read(runDir, options), options.Workloads);
    }

    /// <param name="historyPath">when given, this run's rows are appended to that history (atomic, idempotent per run id) and trend charts added.</param>
    /// <exception cref="ResultsFormatException">also: the history file is foreign or corrupt (it is checked before anything is written, and never overwritten).</exception>
    public static async Task<ReportResult> GenerateAsync(string runDir, ReportOptions options, string? historyPath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ct.ThrowIfCancellationRequested();
        var input = await Task.Run(() => Read(runDir, options), ct).ConfigureAwait(false);
        if (historyPath is not null)
        {
            HistoryStore.Read(historyPath);
        }

        var judged = Analysers.Judge.Run(input, options.Workloads);
        var outDir = Path.GetFullPath(options.OutputDirectory ?? Path.Combine(input.RunPath, "report"));
        Directory.CreateDirectory(outDir);
        var context = new ExportContext(outDir, options.WriteCharts);
        var files = new List<string>();
        foreach (var exporter in ExportPipeline.For(historyPath))
        {
            ct.ThrowIfCancellationRequested();
            var result = await exporter.ExportAsync(judged, context, ct).ConfigureAwait(false);
            files.AddRange(result.Files);
            context = context.With(result);
        }

        var analysis = judged.Analysis;
        return new ReportResult(outDir, files, judged.Verdicts, [.. judged.Warnings, .. context.Warnings], analysis.Excluded) { Analysis = analysis, Judged = judged };
    }

    private static AnalyserInput Read(string runDir, ReportOptions options)
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
        var analysis = RunAnalyzer.Analyze(manifest, samples, run.ReadFingerprints(), options, run.Samples);
        return new AnalyserInput(analysis, run.Path, samples);
    }
}
