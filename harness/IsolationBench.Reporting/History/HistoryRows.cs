using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.History;

/// <summary>A report's analysis → its history rows (one per workload × metric × mode). Pure.</summary>
public static class HistoryRows
{
    public static IReadOnlyList<HistoryRow> From(RunAnalysis analysis, string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(runDirectory);
        var m = analysis.Manifest;
        var cpu = CpuControlOf(analysis);
        var runtimes = string.Join(';', m.Modes.Select(d =>
            d.Name + (d.Runtime is { } r ? "=" + r : d.Isolation is { } i ? "=" + i : string.Empty)));
        return analysis.Rows.Select(r => new HistoryRow
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
            Baseline = r.Baseline,
            Workload = r.Workload,
            Metric = r.Metric,
            Mode = r.Mode,
            Unit = r.Unit,
            N = r.Statistics.N,
            Median = r.Statistics.Median,
            MedianCiLow = r.Statistics.MedianCi.Low,
            MedianCiHigh = r.Statistics.MedianCi.High,
            Ratio = r.IsBaseline ? 1 : r.Comparison?.Ratio ?? double.NaN,
            RatioCiLow = r.IsBaseline ? 1 : r.Comparison?.RatioCi.Low ?? double.NaN,
            RatioCiHigh = r.IsBaseline ? 1 : r.Comparison?.RatioCi.High ?? double.NaN,
            Overhead = r.IsBaseline ? 1 : r.Comparison?.Overhead ?? double.NaN,
            OverheadCiLow = r.IsBaseline ? 1 : r.Comparison?.OverheadCi.Low ?? double.NaN,
            OverheadCiHigh = r.IsBaseline ? 1 : r.Comparison?.OverheadCi.High ?? double.NaN,
            Significant = r.Comparison?.Significant ?? false,
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
