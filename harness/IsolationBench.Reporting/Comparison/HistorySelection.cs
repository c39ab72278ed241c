using IsolationBench.Reporting.History;

namespace IsolationBench.Reporting.Comparison;

/// <summary>"last:N": the last N runs of a history, newest last, as (run id, run directory). Pure.</summary>
public static class HistorySelection
{
    public const string Prefix = "last:";

    /// <summary>Parses "last:N"; null when <paramref name="text"/> is not of that form (then it is a run directory).</summary>
    public static int? ParseLast(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        return int.TryParse(text.AsSpan(Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new ArgumentException($"'{text}' is not last:N with N a whole number ≥ 1, e.g. last:5");
    }

    /// <summary>
    /// The last <paramref name="n"/> runs by date (file order breaks ties), leaving out <paramref name="exclude"/> and,
    /// when <paramref name="skipNoisy"/>, runs whose CPU control flagged a noisy host (a noisy night is a poor baseline).
    /// </summary>
    public static (IReadOnlyList<(string RunId, string RunDirectory)> Runs, IReadOnlyList<string> Skipped) Last(
        IReadOnlyList<HistoryRow> history, int n, bool skipNoisy, IReadOnlySet<string> exclude)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(exclude);
        var runs = history.Select((r, i) => (Row: r, Index: i))
            .GroupBy(x => x.Row.RunId, StringComparer.Ordinal)
            .Select(g => (First: g.First(), Noisy: g.Any(x => x.Row.IsNoisy)))
            .OrderBy(x => x.First.Row.RunDateUtc).ThenBy(x => x.First.Index)
            .Where(x => !exclude.Contains(x.First.Row.RunId))
            .ToList();
        var skipped = new List<string>();
        var picked = new List<(string, string)>();
        for (var i = runs.Count - 1; i >= 0 && picked.Count < n; i--)
        {
            if (skipNoisy && runs[i].Noisy)
            {
                skipped.Add(runs[i].First.Row.RunId + " (noisy host)");
                continue;
            }

            picked.Add((runs[i].First.Row.RunId, runs[i].First.Row.RunDirectory));
        }

        picked.Reverse();
        return (picked, skipped);
    }
}
