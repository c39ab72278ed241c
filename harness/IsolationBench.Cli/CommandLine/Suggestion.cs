namespace IsolationBench.Cli.CommandLine;

/// <summary>The nearest valid name to a mistyped one ("--modse" → "--modes"), or null when none is near enough to be a typo.</summary>
internal static class Suggestion
{
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);
        var best = candidates
            .Select(c => (Name: c, Distance: Distance(typed, c)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        // A third of the name, at least one edit: "--sample" → "--samples", "rnu" → "run", "frobnicate" → nothing.
        var allowed = Math.Max(1, typed.TrimStart('-').Length / 3);
        return best.Name is not null && best.Distance <= allowed ? best.Name : null;
    }

    /// <summary>Edits (insert, delete, replace, swap two neighbours) that turn one name into the other.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
