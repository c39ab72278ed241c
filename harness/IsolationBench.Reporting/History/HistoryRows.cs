using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.History;

/// <summary>
/// A report's judged analysis → its history rows (one per workload × metric × mode). A refused row keeps its median
/// but no ratio and no significance: the trend never charts what the report withholds. Pure.
/// </summary>
public static class HistoryRows
{
    public static IReadOnlyList<HistoryRow> From(Analysers.JudgedAnalysis judged, string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(judged);
        var analysis = judged.Analysis;
        ArgumentNullException.ThrowIfNull(runDirectory);
        var m = analysis.Manifest;
        var cpu = CpuControlOf(analysis);
        var runtimes = string.Join(';', m.Modes.Select(d =>
            d.Name + (d.Runtime is { } r ? "=" + r : d.Isolation is { } i ? "=" + i : string.Empty)));
        return analysis.Rows.Select(r => (Row: r, Comparison: judged.JudgedComparison(r))).Select(x => new HistoryRow
        {
            RunId = m.RunId,
            RunDateUtc = m.StartedUtc.ToUniversalTime(),
            Host = m.Host.Hostname,
            Os = m.Host.OsDescription,
            EngineVersion = m.Engine?.Version ?? string.Empty,
            Runtimes = runtimes,
            ToolVersion = m.ToolVersion,
            Commit = m.Commit ?? string.Empty,
            RunDirectory = Path.GetFullPath(runDirectory),
            Baseline = x.Row.Baseline,
            Workload = x.Row.Workload,
            Metric = x.Row.Metric,
            Mode = x.Row.Mode,
            Unit = x.Row.Unit,
            N = x.Row.Statistics.N,
            Median = x.Row.Statistics.Median,
            MedianCiLow = x.Row.Statistics.MedianCi.Low,
            MedianCiHigh = x.Row.Statistics.MedianCi.High,
            Ratio = x.Row.IsBaseline ? 1 : x.Comparison?.Ratio ?? double.NaN,
            RatioCiLow = x.Row.IsBaseline ? 1 : x.Comparison?.RatioCi.Low ?? double.NaN,
            RatioCiHigh = x.Row.IsBaseline ? 1 : x.Comparison?.RatioCi.High ?? double.NaN,
            Overhead = x.Row.IsBaseline ? 1 : x.Comparison?.Overhead ?? double.NaN,
            OverheadCiLow = x.Row.IsBaseline ? 1 : x.Comparison?.OverheadCi.Low ?? double.NaN,
            OverheadCiHigh = x.Row.IsBaseline ? 1 : x.Comparison?.OverheadCi.High ?? double.NaN,
            Significant = x.Comparison?.Significant ?? false,
            CpuControl = cpu,
        }).ToList();
    }

    /// <summary>"none" without a cpu workload; "noisy" when any mode's CPU-control ratio left [0.95, 1.05]; else "ok".</summary>
    public static string CpuControlOf(RunAnalysis analysis)
    {
        var rows = Output.CpuControl.Rows(analysis);
        return rows.Count == 0 ? CpuControlState.None
            : Output.CpuControl.Warnings(analysis).Count > 0 ? CpuControlState.Noisy
            : CpuControlState.Ok;
    }
}
