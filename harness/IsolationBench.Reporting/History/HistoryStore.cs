using System.Text;
using IsolationBench.Results;

namespace IsolationBench.Reporting.History;

/// <summary>
/// The history file (e.g. results/history.csv, docs/history.csv). Append is atomic: the whole file is validated,
/// the new content written to "&lt;file&gt;.&lt;guid&gt;.tmp", flushed to disk and renamed over the file, under an exclusive
/// "&lt;file&gt;.lock". A kill at any moment leaves either the old file or the new one, plus at worst a stale temp file
/// that readers ignore and the next append deletes. A file that does not parse is reported (file and line) and never
/// written. Appending a run id that is already in the file changes nothing (idempotent).
/// </summary>
public static class HistoryStore
{
    public const string DefaultFileName = "history.csv";

    /// <summary>The rows of the history; an absent or empty file is an empty history.</summary>
    /// <exception cref="ResultsFormatException">foreign header, unparseable or truncated row.</exception>
    public static IReadOnlyList<HistoryRow> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new ResultsFormatException(full, 0, "is a folder: give a history file such as results/history.csv");
        }

        return File.Exists(full) ? HistoryCsv.Parse(full, File.ReadAllText(full, Encoding.UTF8)) : [];
    }

    /// <exception cref="ResultsFormatException">the existing file is not a valid history (it is left untouched).</exception>
    /// <exception cref="IOException">another process is appending to the same history right now.</exception>
    public static HistoryAppendResult Append(string path, IReadOnlyList<HistoryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(rows);
        var runIds = rows.Select(r => r.RunId).Distinct(StringComparer.Ordinal).ToList();
        if (runIds.Count != 1)
        {
            throw new ArgumentException("append one run at a time: rows carry " + runIds.Count + " run ids", nameof(rows));
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new ResultsFormatException(full, 0, "is a folder: give a history file such as results/history.csv");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var lockFile = Lock(full);
        DeleteStaleTemps(full);
        var text = File.Exists(full) ? File.ReadAllText(full, Encoding.UTF8) : string.Empty;
        var existing = HistoryCsv.Parse(full, text);
        if (existing.Any(r => r.RunId == runIds[0]))
        {
            return new HistoryAppendResult(full, runIds[0], 0, AlreadyPresent: true, existing.Count);
        }

        var content = (text.Length == 0 ? HistoryCsv.Header : text) + HistoryCsv.Format(rows);
        var tmp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            File.Delete(tmp);
        }

        return new HistoryAppendResult(full, runIds[0], rows.Count, AlreadyPresent: false, existing.Count + rows.Count);
    }

    /// <summary>Temp files a killed append left behind (only ever touched while holding the lock).</summary>
    public static IReadOnlyList<string> StaleTemps(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        return Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, Path.GetFileName(full) + ".*.tmp").Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private static void DeleteStaleTemps(string full)
    {
        foreach (var tmp in StaleTemps(full))
        {
            File.Delete(tmp);
        }
    }

    private static FileStream Lock(string full)
    {
        try
        {
            return new FileStream(full + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException ex)
        {
            throw new IOException($"{full}: another isobench is appending to this history right now ({full}.lock is held); retry when it is done", ex);
        }
    }
}
