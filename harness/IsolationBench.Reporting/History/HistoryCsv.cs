using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using IsolationBench.Results;

namespace IsolationBench.Reporting.History;

/// <summary>The history file's text format: a fixed header, CSV, InvariantCulture, '\n' line ends. Pure.</summary>
public static class HistoryCsv
{
    public static readonly string[] Columns =
    [
        "run_id", "run_date_utc", "host", "os", "engine_version", "runtimes", "tool_version", "commit", "run_dir", "baseline",
        "workload", "metric", "mode", "unit", "n", "median", "median_ci_low", "median_ci_high", "ratio", "ratio_ci_low",
        "ratio_ci_high", "overhead", "overhead_ci_low", "overhead_ci_high", "significant", "cpu_control",
    ];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Header => string.Join(',', Columns) + "\n";

    private static CsvConfiguration Configuration => new(Inv) { NewLine = "\n", HasHeaderRecord = false };

    /// <summary>Rows as CSV lines, each ending in '\n' (no header).</summary>
    public static string Format(IEnumerable<HistoryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var text = new StringWriter(Inv) { NewLine = "\n" };
        using (var csv = new CsvWriter(text, Configuration))
        {
            foreach (var r in rows)
            {
                foreach (var field in Fields(r))
                {
                    csv.WriteField(field);
                }

                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Parses a whole history file. Empty text is an empty history. Throws <see cref="ResultsFormatException"/> naming
    /// <paramref name="path"/> and the line: a foreign header, an unparseable row, or a last row without its line end
    /// (a torn write: isobench's own append never leaves one, it writes a new file and renames it).
    /// </summary>
    public static IReadOnlyList<HistoryRow> Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        if (!text.EndsWith('\n'))
        {
            var last = text.Count(c => c == '\n') + 1;
            throw new ResultsFormatException(path, last,
                "truncated last row (no line end): an interrupted write by another tool? the file is left as is; remove or fix that line");
        }

        var rows = new List<HistoryRow>();
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, Configuration);
        var first = true;
        while (ReadRecord(path, parser) is { } fields)
        {
            var line = parser.RawRow;
            if (first)
            {
                first = false;
                if (!fields.SequenceEqual(Columns, StringComparer.Ordinal))
                {
                    throw new ResultsFormatException(path, line,
                        "not an isobench history file (header differs from " + string.Join(',', Columns.Take(4)) + ",…): refusing to touch it; give another --history FILE");
                }

                continue;
            }

            rows.Add(ParseRow(path, line, fields));
        }

        return rows;
    }

    private static string[]? ReadRecord(string path, CsvParser parser)
    {
        try
        {
            return parser.Read() ? parser.Record : null;
        }
        catch (CsvHelperException ex)
        {
            throw new ResultsFormatException(path, parser.RawRow, "unreadable CSV (" + ex.Message.Split('\n')[0].Trim() + ")", ex);
        }
    }

    private static HistoryRow ParseRow(string path, long line, string[] f)
    {
        if (f.Length != Columns.Length)
        {
            throw new ResultsFormatException(path, line, FormattableString.Invariant($"{f.Length} fields, expected {Columns.Length}"));
        }

        return new HistoryRow
        {
            RunId = Text(path, line, f, 0),
            RunDateUtc = DateTimeOffset.TryParse(f[1], Inv, DateTimeStyles.AssumeUniversal, out var date)
                ? date
                : throw new ResultsFormatException(path, line, $"run_date_utc '{f[1]}' is not an ISO 8601 date"),
            Host = f[2],
            Os = f[3],
            EngineVersion = f[4],
            Runtimes = f[5],
            ToolVersion = f[6],
            Commit = f[7],
            RunDirectory = f[8],
            Baseline = Text(path, line, f, 9),
            Workload = Text(path, line, f, 10),
            Metric = Text(path, line, f, 11),
            Mode = Text(path, line, f, 12),
            Unit = Text(path, line, f, 13),
            N = int.TryParse(f[14], NumberStyles.None, Inv, out var n)
                ? n
                : throw new ResultsFormatException(path, line, $"n '{f[14]}' is not a whole number"),
            Median = Number(path, line, f, 15),
            MedianCiLow = Number(path, line, f, 16),
            MedianCiHigh = Number(path, line, f, 17),
            Ratio = Number(path, line, f, 18),
            RatioCiLow = Number(path, line, f, 19),
            RatioCiHigh = Number(path, line, f, 20),
            Overhead = Number(path, line, f, 21),
            OverheadCiLow = Number(path, line, f, 22),
            OverheadCiHigh = Number(path, line, f, 23),
            Significant = f[24] switch
            {
                "true" => true,
                "false" => false,
                _ => throw new ResultsFormatException(path, line, $"significant '{f[24]}' is not true or false"),
            },
            CpuControl = f[25] is CpuControlState.Ok or CpuControlState.Noisy or CpuControlState.None
                ? f[25]
                : throw new ResultsFormatException(path, line, $"cpu_control '{f[25]}' is not ok, noisy or none"),
        };
    }

    private static string Text(string path, long line, string[] f, int i) =>
        f[i].Length > 0 ? f[i] : throw new ResultsFormatException(path, line, Columns[i] + " is empty");

    private static double Number(string path, long line, string[] f, int i) =>
        double.TryParse(f[i], NumberStyles.Float, Inv, out var v)
            ? v
            : throw new ResultsFormatException(path, line, $"{Columns[i]} '{f[i]}' is not a number");

    private static IEnumerable<string> Fields(HistoryRow r) =>
    [
        r.RunId, r.RunDateUtc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Inv), r.Host, r.Os, r.EngineVersion, r.Runtimes,
        r.ToolVersion, r.Commit, r.RunDirectory, r.Baseline, r.Workload, r.Metric, r.Mode, r.Unit, r.N.ToString(Inv),
        N(r.Median), N(r.MedianCiLow), N(r.MedianCiHigh), N(r.Ratio), N(r.RatioCiLow), N(r.RatioCiHigh),
        N(r.Overhead), N(r.OverheadCiLow), N(r.OverheadCiHigh), r.Significant ? "true" : "false", r.CpuControl,
    ];

    private static string N(double v) => v.ToString("R", Inv);
}
