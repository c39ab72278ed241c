using IsolationBench.Reporting.Analysers;
using IsolationBench.Reporting;

namespace IsolationBench.Workloads.Guest;

/// <summary>io's filesystems, read kinds and fio's agreement (<see cref="IoFindings"/>) as conclusions: findings lines, caption notes, refusals.</summary>
public sealed class IoRefereeAnalyser : IAnalyser
{
    public Conclusions Analyse(AnalyserInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var io = IoFindings.Load(input.RunPath, input.Analysis);
        return new Conclusions
        {
            Referees = [new RefereeFindings(IoFindings.Workload, IoFindings.IsFio, io.Lines) { CaptionNote = m => io.CaptionNotes.GetValueOrDefault(m) }],
            Refusals = [.. io.Refusals.Select(r => new Refusal(IoFindings.Workload, r.Key.Metric, r.Key.Mode, r.Value))],
        };
    }
}
