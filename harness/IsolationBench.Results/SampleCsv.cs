using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace IsolationBench.Results;

/// <summary>samples.csv: CsvHelper, InvariantCulture, header row, one row per sample.</summary>
public static class SampleCsv
{
    public const string FileName = "samples.csv";

    public static readonly string[] Columns =
        ["run_id", "round", "mode", "workload", "metric", "unit", "value", "status", "iteration", "source", "timestamp_utc", "position", "predecessor"];

    internal static CsvConfiguration Configuration => new(CultureInfo.InvariantCulture)
    {
        NewLine = "\n",
        HasHeaderRecord = true,
    };

    /// <summary>Reads a samples file; throws <see cref="ResultsFormatException"/> naming the file and line on bad data.</summary>
    public static IReadOnlyList<Sample> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, Configuration);
        csv.Context.RegisterClassMap<SampleMap>();
        var rows = new List<Sample>();
        try
        {
            if (!csv.Read() || !csv.ReadHeader())
            {
                throw new ResultsFormatException(path, 1, "empty file, expected a header: " + string.Join(',', Columns));
            }

            var missing = Columns.Take(8).Where(c => !csv.HeaderRecord!.Contains(c, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                throw new ResultsFormatException(path, 1, "missing column(s) " + string.Join(',', missing));
            }

            while (csv.Read())
            {
                rows.Add(csv.GetRecord<Sample>());
            }
        }
        catch (CsvHelperException ex)
        {
            var line = ex.Context?.Parser?.RawRow ?? 0;
            throw new ResultsFormatException(path, line, "unreadable row (" + FirstLine(ex.Message) + ")", ex);
        }

        return rows;
    }

    /// <summary>
    /// Drops a partial last line (no line end: the writer was killed mid-write, e.g. by a power cut) so that a
    /// resumed run can append after the last complete sample. Returns true when something was dropped.
    /// </summary>
    public static bool TruncatePartialLastLine(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        if (stream.Length == 0)
        {
            return false;
        }

        stream.Seek(-1, SeekOrigin.End);
        if (stream.ReadByte() == '\n')
        {
            return false;
        }

        var position = stream.Length - 1;
        while (position > 0)
        {
            stream.Seek(position - 1, SeekOrigin.Begin);
            if (stream.ReadByte() == '\n')
            {
                break;
            }

            position--;
        }

        stream.SetLength(position);
        return true;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

internal sealed class SampleMap : ClassMap<Sample>
{
    public SampleMap()
    {
        Map(s => s.RunId).Name("run_id").Index(0);
        Map(s => s.Round).Name("round").Index(1);
        Map(s => s.Mode).Name("mode").Index(2);
        Map(s => s.Workload).Name("workload").Index(3);
        Map(s => s.Metric).Name("metric").Index(4);
        Map(s => s.Unit).Name("unit").Index(5);
        Map(s => s.Value).Name("value").Index(6).TypeConverterOption.Format("R");
        Map(s => s.Status).Name("status").Index(7);
        Map(s => s.Iteration).Name("iteration").Index(8).Optional().Default(0);
        Map(s => s.Source).Name("source").Index(9).Optional().Default(string.Empty);
        Map(s => s.TimestampUtc).Name("timestamp_utc").Index(10).Optional().TypeConverterOption.Format("O");
        // Added later: files written before the balanced order read as position 0, no predecessor.
        Map(s => s.Position).Name("position").Index(11).Optional().Default(0);
        Map(s => s.Predecessor).Name("predecessor").Index(12).Optional().Default(string.Empty);
        Map(s => s.IsOk).Ignore();
    }
}
