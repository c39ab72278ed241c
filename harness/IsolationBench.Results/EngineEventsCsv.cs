using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace IsolationBench.Results;

/// <summary>
/// One event of a startup container's life as the engine itself reports it (/events: create, start, die, destroy),
/// with the engine's own clock — a second clock beside the harness's phases.
/// </summary>
public sealed record EngineEventRow
{
    public required string RunId { get; init; }

    /// <summary>The measured startup round (warmup containers are not recorded).</summary>
    public required int Round { get; init; }

    public required string Mode { get; init; }

    /// <summary>The container's short id, as in samples.csv's source column.</summary>
    public required string Source { get; init; }

    /// <summary>create, start, die or destroy.</summary>
    public required string Action { get; init; }

    /// <summary>The engine's timestamp (timeNano), nanoseconds since the Unix epoch.</summary>
    public required long TimeUnixNano { get; init; }
}

/// <summary>engine-events.csv: written as events arrive (flushed per row), read by the report's cross-check.</summary>
public static class EngineEventsCsv
{
    public const string FileName = "engine-events.csv";

    public static readonly string[] Columns = ["run_id", "round", "mode", "source", "action", "time_unix_nano"];

    public static IReadOnlyList<EngineEventRow> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, SampleCsv.Configuration);
        csv.Context.RegisterClassMap<EngineEventMap>();
        try
        {
            return [.. csv.GetRecords<EngineEventRow>()];
        }
        catch (CsvHelperException ex)
        {
            throw new ResultsFormatException(path, ex.Context?.Parser?.RawRow ?? 0, "unreadable row (" + ex.Message.Split('\n')[0].Trim() + ")", ex);
        }
    }
}

/// <summary>Appends rows to engine-events.csv (header once), flushing each: a killed run keeps what arrived.</summary>
public sealed class EngineEventsWriter : IDisposable
{
    private readonly StreamWriter _text;
    private readonly CsvWriter _csv;
    private readonly Lock _gate = new();

    public EngineEventsWriter(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var exists = File.Exists(path) && new FileInfo(path).Length > 0;
        _text = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { NewLine = "\n" };
        _csv = new CsvWriter(_text, SampleCsv.Configuration);
        _csv.Context.RegisterClassMap<EngineEventMap>();
        if (!exists)
        {
            _csv.WriteHeader<EngineEventRow>();
            _csv.NextRecord();
            _csv.Flush();
        }
    }

    public void Write(EngineEventRow row)
    {
        lock (_gate)
        {
            _csv.WriteRecord(row);
            _csv.NextRecord();
            _csv.Flush();
            _text.Flush();
        }
    }

    public void Dispose()
    {
        _csv.Dispose();
        _text.Dispose();
    }
}

internal sealed class EngineEventMap : ClassMap<EngineEventRow>
{
    public EngineEventMap()
    {
        Map(e => e.RunId).Name("run_id").Index(0);
        Map(e => e.Round).Name("round").Index(1);
        Map(e => e.Mode).Name("mode").Index(2);
        Map(e => e.Source).Name("source").Index(3);
        Map(e => e.Action).Name("action").Index(4);
        Map(e => e.TimeUnixNano).Name("time_unix_nano").Index(5).TypeConverterOption.NumberStyles(NumberStyles.Integer);
    }
}
