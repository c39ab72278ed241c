using System.Globalization;

namespace IsolationBench.Results.Tests;

public sealed class SampleCsvTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("isobench-csv-").FullName;
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;

    private static Sample Make(int round, string metric, double value, string status = SampleStatus.Ok) => new()
    {
        RunId = "r1",
        Round = round,
        Mode = "runc",
        Workload = "startup",
        Metric = metric,
        Unit = Units.Milliseconds,
        Value = value,
        Status = status,
        Source = "abc123",
        TimestampUtc = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Round_trips_under_a_comma_decimal_culture_with_invariant_numbers()
    {
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        var path = Path.Combine(_dir, SampleCsv.FileName);
        using (var writer = new SampleWriter(path))
        {
            writer.Write(Make(1, "create", 1234.5678));
            writer.Write(Make(2, "total", 0.1 + 0.2));
            writer.Write(Make(3, "total", double.NaN, SampleStatus.Failed("exit code 137, OOM-killed\nsecond line")));
        }

        var text = File.ReadAllText(path);
        var back = SampleCsv.Read(path);

        Assert.StartsWith(string.Join(',', SampleCsv.Columns) + "\n", text, StringComparison.Ordinal);
        Assert.Contains(",1234.5678,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1234,5678", text, StringComparison.Ordinal);
        Assert.Equal(3, back.Count);
        Assert.Equal(1234.5678, back[0].Value);
        Assert.Equal(0.1 + 0.2, back[1].Value); // round-trip format: not a digit lost
        Assert.True(double.IsNaN(back[2].Value));
        Assert.Equal("failed:exit code 137; OOM-killed second line", back[2].Status);
        Assert.False(back[2].IsOk);
    }

    [Fact]
    public void Reopening_appends_without_a_second_header()
    {
        var path = Path.Combine(_dir, SampleCsv.FileName);
        using (var writer = new SampleWriter(path))
        {
            writer.Write(Make(1, "total", 1));
        }

        using (var writer = new SampleWriter(path))
        {
            writer.Write(Make(2, "total", 2));
        }

        Assert.Equal(2, SampleCsv.Read(path).Count);
        Assert.Single(File.ReadAllLines(path), l => l.StartsWith("run_id", StringComparison.Ordinal));
    }

    [Fact]
    public void Position_and_predecessor_are_the_last_two_columns_and_round_trip()
    {
        var path = Path.Combine(_dir, SampleCsv.FileName);
        using (var writer = new SampleWriter(path))
        {
            writer.WriteAll([Make(1, "total", 1) with { Position = 1 }, Make(1, "total", 2) with { Position = 2, Predecessor = "host" }]);
        }

        var back = SampleCsv.Read(path);

        Assert.Equal(["position", "predecessor"], SampleCsv.Columns.TakeLast(2));
        Assert.EndsWith(",timestamp_utc,position,predecessor", File.ReadLines(path).First(), StringComparison.Ordinal);
        Assert.Equal([(1, string.Empty), (2, "host")], back.Select(s => (s.Position, s.Predecessor)));
    }

    [Fact]
    public void A_file_written_before_position_and_predecessor_still_reads()
    {
        var path = Path.Combine(_dir, SampleCsv.FileName);
        File.WriteAllText(path,
            "run_id,round,mode,workload,metric,unit,value,status,iteration,source,timestamp_utc\n" +
            "r1,1,runc,startup,total,ms,12.5,ok,0,abc123,2026-11-29T10:00:00.0000000+00:00\n");

        var sample = Assert.Single(SampleCsv.Read(path));

        Assert.Equal((12.5, 0, string.Empty), (sample.Value, sample.Position, sample.Predecessor));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("run_id,round,mode\nr1,1,runc\n", 1)]
    [InlineData("run_id,round,mode,workload,metric,unit,value,status\nr1,1,runc,startup,total,ms,12.5,ok\nr1,two,runc,startup,total,ms,1,ok\n", 3)]
    [InlineData("run_id,round,mode,workload,metric,unit,value,status\nr1,1,runc,startup,total,ms,abc,ok\n", 2)]
    public void A_corrupt_file_names_the_file_and_line(string content, int line)
    {
        var path = Path.Combine(_dir, SampleCsv.FileName);
        File.WriteAllText(path, content);

        var ex = Assert.Throws<ResultsFormatException>(() => SampleCsv.Read(path));

        Assert.Equal(path, ex.FilePath);
        Assert.Equal(line, ex.Line);
        Assert.StartsWith(path + ":" + line.ToString(CultureInfo.InvariantCulture) + ":", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ms", false)]
    [InlineData("ns/op", false)]
    [InlineData("MB/s", true)]
    [InlineData("ops/s", true)]
    public void Direction_follows_the_unit(string unit, bool higherIsBetter)
    {
        Assert.Equal(higherIsBetter, Units.HigherIsBetter(unit));
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        Directory.Delete(_dir, recursive: true);
    }
}
