using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.Findings;

/// <summary>
/// What a refusal does to a workload's section of the report (the analysis and the verdicts are judged in
/// <see cref="Analysers.Judge"/>): the referee's lines after its verdicts, its notes in the captions, and a refused
/// (metric, mode) keeps its figures but loses its verdict cells. Pure.
/// </summary>
public static class RefereeRefusals
{
    /// <summary>
    /// The workload's section with the findings' lines after its verdicts, each table's caption extended by
    /// <paramref name="captionNote"/> (null: none) and a refused row's verdict cells replaced by the reason.
    /// </summary>
    public static ReportContent Apply(
        ReportContent content,
        string workload,
        IReadOnlyList<string> lines,
        IReadOnlyDictionary<(string Metric, string Mode), string> refusals,
        Func<string, string?>? captionNote = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(refusals);
        if (lines.Count == 0 && refusals.Count == 0)
        {
            return content;
        }

        var sections = content.Workloads.Select(w => w.Workload != workload ? w : w with
        {
            Verdicts = [.. w.Verdicts, .. lines],
            Tables = [.. w.Tables.Select(t => Table(t, refusals, captionNote))],
        }).ToList();
        return content with { Workloads = sections };
    }

    private static MetricTable Table(MetricTable table, IReadOnlyDictionary<(string Metric, string Mode), string> refusals, Func<string, string?>? captionNote)
    {
        var metric = table.Caption.Split(" (", 2)[0];
        var caption = captionNote?.Invoke(metric) is { } note ? $"{table.Caption} — {note}" : table.Caption;
        var rows = table.Rows.Select(row =>
        {
            var mode = row[0].Split(' ', 2)[0];
            if (!refusals.TryGetValue((metric, mode), out var reason) || row.Count < ReportContent.TableHeader.Length)
            {
                return row;
            }

            var cells = row.ToList();
            cells[^2] = "–";
            cells[^1] = reason;
            return (IReadOnlyList<string>)cells;
        }).ToList();
        return table with { Caption = caption, Rows = rows };
    }
}
