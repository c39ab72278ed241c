using IsolationBench.Reporting.History;

namespace IsolationBench.Reporting.Tests;

internal static class HistoryTestRows
{
    public static IReadOnlyList<HistoryRow> Run(string runId, DateTimeOffset date, string cpu = CpuControlState.Ok, string dir = "/results/x") =>
        new[] { ("host", 1.0), ("runc", 21.5), ("crun", 19.25) }.Select(m => new HistoryRow
        {
            RunId = runId,
            RunDateUtc = date,
            Host = "testhost",
            Os = "Debian GNU/Linux 12, \"bookworm\"",
            EngineVersion = "28.0.1",
            Runtimes = "host;runc=runc;crun=crun",
            ToolVersion = "0.1.0",
            Commit = "abc1234",
            RunDirectory = dir,
            Baseline = "host",
            Workload = "startup",
            Metric = "total",
            Mode = m.Item1,
            Unit = "ms",
            N = 30,
            Median = 14.0 * m.Item2,
            MedianCiLow = 13.5 * m.Item2,
            MedianCiHigh = 14.5 * m.Item2,
            Ratio = m.Item2,
            RatioCiLow = m.Item1 == "host" ? 1 : m.Item2 * 0.95,
            RatioCiHigh = m.Item1 == "host" ? 1 : m.Item2 * 1.05,
            Overhead = m.Item2,
            OverheadCiLow = m.Item1 == "host" ? 1 : m.Item2 * 0.95,
            OverheadCiHigh = m.Item1 == "host" ? 1 : m.Item2 * 1.05,
            Significant = m.Item1 != "host",
            CpuControl = cpu,
        }).ToList();
}
