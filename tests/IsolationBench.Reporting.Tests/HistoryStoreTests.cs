using System.Globalization;
using IsolationBench.Reporting.Comparison;
using IsolationBench.Reporting.History;
using IsolationBench.Results;

namespace IsolationBench.Reporting.Tests;

public sealed class HistoryStoreTests : IDisposable
{
    private static readonly DateTimeOffset Day1 = new(2025, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("isobench-history-").FullName;

    private string File1 => Path.Combine(_dir, "history.csv");

    [Fact]
    public void Append_creates_the_file_with_a_header_and_reads_back_every_field_under_a_comma_culture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var rows = HistoryTestRows.Run("r1", Day1);
            var result = HistoryStore.Append(File1, rows);

            Assert.False(result.AlreadyPresent);
            Assert.Equal(3, result.RowsAppended);
            Assert.StartsWith(HistoryCsv.Header, File.ReadAllText(File1), StringComparison.Ordinal);
            Assert.Equal(rows, HistoryStore.Read(File1));
            Assert.Contains(",19.25,", File.ReadAllText(File1), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Appending_the_same_run_twice_is_idempotent_and_leaves_the_file_byte_identical()
    {
        HistoryStore.Append(File1, HistoryTestRows.Run("r1", Day1));
        var bytes = File.ReadAllBytes(File1);

        var again = HistoryStore.Append(File1, HistoryTestRows.Run("r1", Day1));

        Assert.True(again.AlreadyPresent);
        Assert.Equal(0, again.RowsAppended);
        Assert.Contains("already in", again.Describe(), StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(File1));
    }

    [Fact]
    public void A_temp_file_left_by_a_killed_append_is_ignored_by_readers_and_removed_by_the_next_append()
    {
        HistoryStore.Append(File1, HistoryTestRows.Run("r1", Day1));
        var stale = File1 + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(stale, HistoryCsv.Header + "r2,2025-03-02T02:00:00Z,half a ro");

        Assert.Equal(3, HistoryStore.Read(File1).Count);
        var result = HistoryStore.Append(File1, HistoryTestRows.Run("r2", Day1.AddDays(1)));

        Assert.Equal(6, result.RowsInHistory);
        Assert.False(File.Exists(stale));
        Assert.Empty(HistoryStore.StaleTemps(File1));
        Assert.Equal(HistoryTestRows.Run("r1", Day1), HistoryStore.Read(File1).Take(3));
    }

    [Fact]
    public void A_truncated_last_row_is_reported_with_file_and_line_and_the_file_is_never_rewritten()
    {
        HistoryStore.Append(File1, HistoryTestRows.Run("r1", Day1));
        var full = File.ReadAllText(File1);
        var torn = full + HistoryCsv.Format(HistoryTestRows.Run("r2", Day1.AddDays(1)))[..40];
        File.WriteAllText(File1, torn);

        var read = Assert.Throws<ResultsFormatException>(() => HistoryStore.Read(File1));
        var append = Assert.Throws<ResultsFormatException>(() => HistoryStore.Append(File1, HistoryTestRows.Run("r3", Day1.AddDays(2))));

        Assert.Equal(5, read.Line);
        Assert.StartsWith(Path.GetFullPath(File1) + ":5:", read.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", append.Message, StringComparison.Ordinal);
        Assert.Equal(torn, File.ReadAllText(File1));
        Assert.Empty(HistoryStore.StaleTemps(File1));
    }

    [Fact]
    public void A_foreign_csv_is_refused_at_line_1_and_left_untouched()
    {
        const string Foreign = "name,value\nfoo,1\n";
        File.WriteAllText(File1, Foreign);

        var ex = Assert.Throws<ResultsFormatException>(() => HistoryStore.Append(File1, HistoryTestRows.Run("r1", Day1)));

        Assert.Equal(1, ex.Line);
        Assert.Contains("not an isobench history", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Foreign, File.ReadAllText(File1));
    }

    [Fact]
    public void An_unparseable_row_names_its_line()
    {
        HistoryStore.Append(File1, HistoryTestRows.Run("r1", Day1));
        var lines = File.ReadAllLines(File1);
        lines[2] = lines[2].Replace(",30,", ",thirty,", StringComparison.Ordinal);
        File.WriteAllText(File1, string.Join('\n', lines) + "\n");

        var ex = Assert.Throws<ResultsFormatException>(() => HistoryStore.Read(File1));

        Assert.Equal(3, ex.Line);
        Assert.Contains("thirty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Last_n_takes_the_newest_runs_skipping_noisy_ones_and_the_current_run()
    {
        var history = HistoryTestRows.Run("d1", Day1, dir: "/r/d1")
            .Concat(HistoryTestRows.Run("d3", Day1.AddDays(2), CpuControlState.Noisy, "/r/d3"))
            .Concat(HistoryTestRows.Run("d2", Day1.AddDays(1), dir: "/r/d2"))
            .Concat(HistoryTestRows.Run("d4", Day1.AddDays(3), dir: "/r/d4")).ToList();

        var (runs, skipped) = HistorySelection.Last(history, 2, skipNoisy: true, new HashSet<string> { "d4" });

        Assert.Equal(["d1", "d2"], runs.Select(r => r.RunId));
        Assert.Equal("/r/d2", runs[1].RunDirectory);
        Assert.Equal("d3 (noisy host)", Assert.Single(skipped));
        Assert.Equal(3, HistorySelection.ParseLast("last:3"));
        Assert.Null(HistorySelection.ParseLast("results/run"));
        Assert.Throws<ArgumentException>(() => HistorySelection.ParseLast("last:0"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
