using System.Globalization;

namespace IsolationBench.Results.Tests;

public sealed class EngineEventsCsvTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("isobench-events-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static EngineEventRow Row(string action, long nanos) => new()
    {
        RunId = "r1",
        Round = 2,
        Mode = "runc",
        Source = "0123456789ab",
        Action = action,
        TimeUnixNano = nanos,
    };

    [Fact]
    public void Writes_the_contract_columns_and_reads_back_every_nanosecond_under_a_comma_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var path = Path.Combine(_dir, EngineEventsCsv.FileName);
            using (var writer = new EngineEventsWriter(path))
            {
                writer.Write(Row("create", 1_764_500_000_123_456_789));
                writer.Write(Row("start", 1_764_500_000_223_456_789));
            }

            using (var writer = new EngineEventsWriter(path))
            {
                writer.Write(Row("die", 1_764_500_000_323_456_789));
            }

            var lines = File.ReadAllLines(path);
            Assert.Equal("run_id,round,mode,source,action,time_unix_nano", lines[0]);
            Assert.Equal(string.Join(',', EngineEventsCsv.Columns), lines[0]);
            Assert.Equal("r1,2,runc,0123456789ab,create,1764500000123456789", lines[1]);
            Assert.Single(lines, l => l.StartsWith("run_id", StringComparison.Ordinal));
            var back = EngineEventsCsv.Read(path);
            Assert.Equal([Row("create", 1_764_500_000_123_456_789), Row("start", 1_764_500_000_223_456_789), Row("die", 1_764_500_000_323_456_789)], back);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
