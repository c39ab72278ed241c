using System.Globalization;
using IsolationBench.Results;

namespace IsolationBench.Reporting.CrossCheck;

/// <summary>One line of engine-events.csv: an event the engine itself stamped (its /events stream) for a startup container.</summary>
public sealed record EngineEvent(string RunId, int Round, string Mode, string Source, string Action, long TimeUnixNano);

/// <summary>Reads engine-events.csv (run_id,round,mode,source,action,time_unix_nano); absent file → null.</summary>
public static class EngineEventsCsv
{
    public const string FileName = "engine-events.csv";

    public static readonly string[] Columns = ["run_id", "round", "mode", "source", "action", "time_unix_nano"];

    /// <exception cref="ResultsFormatException">a missing column or an unreadable line (names file and line).</exception>
    public static IReadOnlyList<EngineEvent>? Read(string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        var path = Path.Combine(runDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0)
        {
            return [];
        }

        var header = lines[0].Split(',', StringSplitOptions.TrimEntries);
        var index = Columns.Select(c => Array.IndexOf(header, c)).ToArray();
        if (index.Any(i => i < 0))
        {
            throw new ResultsFormatException(path, 1, "missing column(s) " + string.Join(',', Columns.Where((_, i) => index[i] < 0)));
        }

        var events = new List<EngineEvent>();
        for (var n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0)
            {
                continue;
            }

            var f = lines[n].Split(',', StringSplitOptions.TrimEntries);
            if (f.Length < header.Length
                || !int.TryParse(f[index[1]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var round)
                || !long.TryParse(f[index[5]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var time))
            {
                throw new ResultsFormatException(path, n + 1, "unreadable line: expected " + string.Join(',', Columns));
            }

            events.Add(new EngineEvent(f[index[0]], round, f[index[2]], f[index[3]], f[index[4]], time));
        }

        return events;
    }
}
