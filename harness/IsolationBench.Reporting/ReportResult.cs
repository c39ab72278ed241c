namespace IsolationBench.Reporting;

/// <summary>What <see cref="ReportGenerator"/> wrote and concluded, for the CLI to print.</summary>
public sealed record ReportResult(
    string OutputDirectory,
    IReadOnlyList<string> FilesWritten,
    IReadOnlyList<Verdict> Verdicts,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ExcludedMode> ExcludedModes)
{
    /// <summary>What the files were written from.</summary>
    public Statistics.RunAnalysis? Analysis { get; init; }

    /// <summary>What every file was written from: the analysis with the analysers' refusals, warnings and findings applied.</summary>
    public Analysers.JudgedAnalysis? Judged { get; init; }

    public string ReportMarkdown => Path.Combine(OutputDirectory, ReportFiles.Markdown);

    public string IndexHtml => Path.Combine(OutputDirectory, ReportFiles.Html);

    public string SummaryCsv => Path.Combine(OutputDirectory, ReportFiles.Summary);
}

/// <summary>A mode left out of every table and chart because its isolation fingerprint did not match what was asked.</summary>
public sealed record ExcludedMode(string Mode, string Reason);

/// <summary>One headline sentence: how a mode compares to the baseline on one workload.</summary>
public sealed record Verdict(string Workload, string Mode, string Metric, string Sentence, bool Significant, double Overhead);

public static class ReportFiles
{
    public const string Markdown = "report.md";
    public const string Html = "index.html";
    public const string Summary = "summary.csv";
}
