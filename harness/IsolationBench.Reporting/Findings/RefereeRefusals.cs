using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.Findings;

/// <summary>
/// What a workload's referee (fio for io, iperf3 for network) does to the report once its findings are known: the
/// referee's own rows never become results, and a refused (metric, mode) keeps its figures but loses its verdict —
/// in the analysis, the verdict sentences and the tables alike. Pure: one place for io's and network's findings.
/// </summary>
public static class RefereeRefusals
{
    /// <summary>The analysis verdicts and charts may use: the referee's rows left out, every refused (metric, mode) without a comparison.</summary>
    public static RunAnalysis ForVerdicts(RunAnalysis a, string workload, Func<string, bool> isReferee, IReadOnlyDictionary<(string Metric, string Mode), string> refusals)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(isReferee);
        ArgumentNullException.ThrowIfNull(refusals);
        if (!a.Workloads.Contains(workload))
        {
            return a;
        }

        var rows = a.Rows
            .Where(r => r.Workload != workload || !isReferee(r.Metric))
            .Select(r => r.Workload == workload && refusals.ContainsKey((r.Metric, r.Mode)) ? r with { Comparison = null } : r)
            .ToList();
        return a with { Rows = rows };
    }

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
