namespace IsolationBench.Reporting.Analysers;

/// <summary>
/// What a referee tool (fio for io, iperf3 for network) found about a workload: its lines (shown after the section's
/// verdicts), which of the workload's metrics are the referee's own (never a result: out of verdicts and charts), and
/// a note per metric for its table's caption.
/// </summary>
public sealed record RefereeFindings(string Workload, Func<string, bool> IsRefereeMetric, IReadOnlyList<string> Lines)
{
    /// <summary>Appended to a metric's table caption after " — "; null: none.</summary>
    public Func<string, string?> CaptionNote { get; init; } = _ => null;
}
