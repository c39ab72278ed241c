using IsolationBench.Results;

namespace IsolationBench.Reporting.CrossCheck;

/// <summary>One line of engine-events.csv: an event the engine itself stamped (its /events stream) for a startup container.</summary>
public sealed record EngineEvent(string RunId, int Round, string Mode, string Source, string Action, long TimeUnixNano);

/// <summary>The run's engine events for the cross-check; absent file (older runs, no container startup) → null.</summary>
public static class EngineEvents
{
    /// <exception cref="ResultsFormatException">an unreadable line (names file and line).</exception>
    public static IReadOnlyList<EngineEvent>? Read(string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        var path = Path.Combine(runDirectory, EngineEventsCsv.FileName);
        return File.Exists(path)
            ? [.. EngineEventsCsv.Read(path).Select(e => new EngineEvent(e.RunId, e.Round, e.Mode, e.Source, e.Action, e.TimeUnixNano))]
            : null;
    }
}
