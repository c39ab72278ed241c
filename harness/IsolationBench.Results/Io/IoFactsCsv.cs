using System.Globalization;
using CsvHelper;

namespace IsolationBench.Results.Io;

/// <summary>
/// io-targets.csv and io-reads.csv in the run directory: appended per io cell by the harness, read by the report.
/// Header first; a file from an older run without them simply does not exist (the report then says "not recorded").
/// </summary>
public static class IoFactsCsv
{
    public const string TargetsFile = "io-targets.csv";
    public const string ReadsFile = "io-reads.csv";

    public static readonly string[] TargetColumns = ["run_id", "round", "mode", "target", "fs_type", "statfs_type", "mount_options"];
    public static readonly string[] ReadColumns = ["run_id", "round", "mode", "metric", "checks", "file_pages", "max_resident_pages", "read_kind"];

    public static void AppendTargets(string runDir, IEnumerable<IoTargetRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Append(Path.Combine(runDir, TargetsFile), TargetColumns, rows.Select(r => (IReadOnlyList<string>)
            [r.RunId, Int(r.Round), r.Mode, r.Target, r.FsType, r.StatfsType, r.MountOptions]));
    }

    public static void AppendReads(string runDir, IEnumerable<IoReadRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Append(Path.Combine(runDir, ReadsFile), ReadColumns, rows.Select(r => (IReadOnlyList<string>)
            [r.RunId, Int(r.Round), r.Mode, r.Metric, Int(r.Checks), Long(r.FilePages), Long(r.MaxResidentPages), r.ReadKind]));
    }

    public static IReadOnlyList<IoTargetRow> ReadTargets(string runDir) =>
        Read(Path.Combine(runDir, TargetsFile), TargetColumns, (csv, path) => new IoTargetRow(
            csv.GetField("run_id")!, IntField(csv, path, "round"), csv.GetField("mode")!, csv.GetField("target")!,
            csv.GetField("fs_type")!, csv.GetField("statfs_type")!, csv.GetField("mount_options")!));

    public static IReadOnlyList<IoReadRow> ReadReads(string runDir) =>
        Read(Path.Combine(runDir, ReadsFile), ReadColumns, (csv, path) => new IoReadRow(
            csv.GetField("run_id")!, IntField(csv, path, "round"), csv.GetField("mode")!, csv.GetField("metric")!,
            IntField(csv, path, "checks"), LongField(csv, path, "file_pages"), LongField(csv, path, "max_resident_pages"), csv.GetField("read_kind")!));

    private static void Append(string path, string[] columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var isNew = !File.Exists(path) || new FileInfo(path).Length == 0;
        using var text = new StreamWriter(path, append: true) { NewLine = "\n" };
        using var csv = new CsvWriter(text, SampleCsv.Configuration);
        if (isNew)
        {
            foreach (var column in columns)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
        }

        foreach (var row in rows)
        {
            foreach (var field in row)
            {
                csv.WriteField(field);
            }

            csv.NextRecord();
        }
    }

    private static List<T> Read<T>(string path, string[] columns, Func<CsvReader, string, T> row)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, SampleCsv.Configuration);
        var rows = new List<T>();
        try
        {
            if (!csv.Read() || !csv.ReadHeader())
            {
                return rows;
            }

            var missing = columns.Where(c => !csv.HeaderRecord!.Contains(c, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                throw new ResultsFormatException(path, 1, "missing column(s) " + string.Join(',', missing));
            }

            while (csv.Read())
            {
                rows.Add(row(csv, path));
            }
        }
        catch (CsvHelperException ex)
        {
            throw new ResultsFormatException(path, ex.Context?.Parser?.RawRow ?? 0, "unreadable row (" + ex.Message.Split('\n')[0].Trim() + ")", ex);
        }

        return rows;
    }

    private static int IntField(CsvReader csv, string path, string name) =>
        int.TryParse(csv.GetField(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ResultsFormatException(path, csv.Context.Parser?.RawRow ?? 0, $"{name} is not an integer");

    private static long LongField(CsvReader csv, string path, string name) =>
        long.TryParse(csv.GetField(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ResultsFormatException(path, csv.Context.Parser?.RawRow ?? 0, $"{name} is not an integer");

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Long(long value) => value.ToString(CultureInfo.InvariantCulture);
}
