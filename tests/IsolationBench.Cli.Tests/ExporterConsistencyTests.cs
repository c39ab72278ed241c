using System.Net;
using System.Text.Json;
using IsolationBench.Cli.Commands;
using IsolationBench.Cli.Output;
using IsolationBench.Reporting;
using IsolationBench.Reporting.Analysers;
using IsolationBench.Reporting.Export;
using IsolationBench.Reporting.History;
using IsolationBench.Reporting.Statistics;
using IsolationBench.Reporting.Tests;
using IsolationBench.Results;
using IsolationBench.Results.Io;
using Microsoft.VisualBasic.FileIO;

namespace IsolationBench.Cli.Tests;

/// <summary>
/// One run with every kind of withheld verdict — an io cache-vs-device refusal, an iperf3 referee refusal, a startup
/// phase that is not comparable, a workload with too few units — rendered by every exporter: report.md, index.html,
/// summary.csv, the benchmark-action JSON, the history and the console tables must agree on every verdict.
/// </summary>
public sealed class ExporterConsistencyTests : IDisposable
{
    private readonly FixtureRun _run = Build();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Every_output_agrees_with_the_report_on_every_verdict()
    {
        var history = Path.Combine(_run.Path, "history.csv");
        var result = await ReportGenerator.GenerateAsync(_run.Path, new ReportOptions { Workloads = IsolationBench.Workloads.WorkloadModules.Reports, WriteCharts = false }, history, CancellationToken.None);
        var judged = result.Judged!;
        AssertTheRunHasEveryKindOfWithheldVerdict(judged);

        var md = await File.ReadAllTextAsync(result.ReportMarkdown);
        var html = await File.ReadAllTextAsync(result.IndexHtml);
        foreach (var verdict in judged.Verdicts)
        {
            Assert.Contains($"- **{verdict.Workload}**: {verdict.Sentence}.", md, StringComparison.Ordinal);
            Assert.Contains($"<li><b>{WebUtility.HtmlEncode(verdict.Workload)}</b>: {WebUtility.HtmlEncode(verdict.Sentence)}.</li>", html, StringComparison.Ordinal);
        }

        Assert.Equal(judged.Verdicts.Count, md.Split('\n').Count(l => l.StartsWith("- **", StringComparison.Ordinal)));
        foreach (var refusal in judged.Refusals)
        {
            // No verdict line but the refusal names that mode and metric.
            Assert.All(
                md.Split('\n').Where(l => l.StartsWith($"- **{refusal.Workload}**: {refusal.Mode} ", StringComparison.Ordinal) && l.Contains(refusal.Metric, StringComparison.Ordinal)),
                l => Assert.Contains("no verdict, " + refusal.Reason, l, StringComparison.Ordinal));
        }

        AssertSummaryCsv(judged, result.SummaryCsv);
        AssertBenchmarkAction(judged, result.OutputDirectory);
        AssertHistory(judged, history);
        AssertConsole(judged);
    }

    private static void AssertTheRunHasEveryKindOfWithheldVerdict(JudgedAnalysis judged)
    {
        var a = judged.Analysis;
        var io = Assert.Single(judged.Refusals, r => r.Workload == "io");
        Assert.Equal(("RandomRead4KiB@layer", "runsc", "not comparable: cache read on runsc vs device read on host"), (io.Metric, io.Mode, io.Reason));
        var network = Assert.Single(judged.Refusals, r => r.Workload == "network");
        Assert.Equal(("TcpBulk64KiB", "runc"), (network.Metric, network.Mode));
        Assert.StartsWith("disagrees with iperf3", network.Reason, StringComparison.Ordinal);

        // Unjudged, both would be called significant: the refusals are what stands between them and a claim.
        Assert.True(a.Row("io", "RandomRead4KiB@layer", "runsc")!.Comparison!.Significant);
        Assert.True(a.Row("network", "TcpBulk64KiB", "runc")!.Comparison!.Significant);
        Assert.NotNull(a.Row("startup", "start", "runc")!.NoRatio);
        Assert.StartsWith("too few", a.Row("syscall", "StatMissing", "runc")!.Comparison!.Withheld, StringComparison.Ordinal);
        Assert.True(a.Row("startup", "total", "runc")!.Comparison!.Significant);
    }

    private static void AssertSummaryCsv(JudgedAnalysis judged, string path)
    {
        using var parser = new TextFieldParser(path) { Delimiters = [","], HasFieldsEnclosedInQuotes = true };
        var header = parser.ReadFields()!.ToList();
        var rows = 0;
        while (parser.ReadFields() is { } f)
        {
            var row = judged.Analysis.Row(f[header.IndexOf("workload")], f[header.IndexOf("metric")], f[header.IndexOf("mode")])!;
            var significant = f[header.IndexOf("significant")] == "true";
            var notJudged = f[header.IndexOf("not_judged")];
            Assert.Equal(judged.IsSignificant(row), significant);
            Assert.Equal(judged.NotJudged(row), notJudged);
            if (judged.RefusalOf(row) is { } reason)
            {
                Assert.False(significant);
                Assert.Equal(reason, notJudged);
            }

            // A verdict the report gives on exactly this row says the same about significance.
            if (judged.Verdicts.FirstOrDefault(v => v.Workload == row.Workload && v.Metric == row.Metric && v.Mode == row.Mode) is { } verdict)
            {
                Assert.Equal(verdict.Significant, significant);
            }

            rows++;
        }

        Assert.Equal(judged.Analysis.Rows.Count, rows);
    }

    private static void AssertBenchmarkAction(JudgedAnalysis judged, string outDir)
    {
        using var smaller = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, BenchmarkActionExport.SmallerIsBetterFile)));
        var overheads = smaller.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("unit").GetString() == "x")
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("extra").GetString()!, StringComparer.Ordinal);
        foreach (var row in judged.Analysis.Rows.Where(r => !r.IsBaseline))
        {
            var name = $"{row.Workload}/{row.Metric} [{row.Mode} overhead vs {row.Baseline}]";
            Assert.Equal(judged.JudgedComparison(row) is not null, overheads.ContainsKey(name));
            if (overheads.TryGetValue(name, out var extra))
            {
                Assert.Equal(judged.IsSignificant(row), extra.Contains("significant=yes", StringComparison.Ordinal));
            }
        }
    }

    private static void AssertHistory(JudgedAnalysis judged, string path)
    {
        foreach (var h in HistoryStore.Read(path))
        {
            var row = judged.Analysis.Row(h.Workload, h.Metric, h.Mode)!;
            Assert.Equal(judged.IsSignificant(row), h.Significant);
            if (judged.RefusalOf(row) is not null)
            {
                Assert.True(double.IsNaN(h.Overhead));
            }
        }
    }

    private void AssertConsole(JudgedAnalysis judged)
    {
        using var text = new StringWriter();
        ConsoleTables.Write(text, ReportCommand.Analyze(_run.Path, null));
        var lines = text.ToString().Split('\n');
        foreach (var refusal in judged.Verdicts.Where(v => judged.RefusalOf(v.Workload, v.Metric, v.Mode) is not null))
        {
            Assert.Contains("  " + refusal.Sentence, lines);
        }

        var io = Assert.Single(lines, l => l.StartsWith("  io RandomRead4KiB@layer ", StringComparison.Ordinal));
        Assert.EndsWith(GuestTable.NoVerdict, io.TrimEnd(), StringComparison.Ordinal); // runsc, the last column
        var bulk = Assert.Single(lines, l => l.StartsWith("  network TcpBulk64KiB ", StringComparison.Ordinal));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(bulk, GuestTable.NoVerdict)); // runc refused; runsc judged
        Assert.Contains("*", bulk.Split(GuestTable.NoVerdict)[1], StringComparison.Ordinal);
        var syscall = Assert.Single(lines, l => l.StartsWith("  syscall StatMissing ", StringComparison.Ordinal));
        Assert.DoesNotContain("*", syscall, StringComparison.Ordinal);
        Assert.Contains(" ?", syscall, StringComparison.Ordinal);
    }

    private static FixtureRun Build()
    {
        var f = new FixtureRun(17) { Modes = ["host", "runc", "runsc"], Workloads = ["startup", "syscall", "io", "network"] };
        foreach (var (mode, start, total) in new[] { ("host", 1.2, 2.0), ("runc", 150.0, 300.0), ("runsc", 250.0, 500.0) })
        {
            f.Add(mode, "startup", "start", Units.Milliseconds, start, noise: 0.05);
            f.Add(mode, "startup", "total", Units.Milliseconds, total, noise: 0.05);
        }

        foreach (var (mode, read, ours, iperf3, stat) in new[]
        {
            ("host", 8_000.0, 3_000.0, 3_100.0, 1_000.0),
            ("runc", 8_000.0, 4_500.0, 3_000.0, 1_500.0),
            ("runsc", 40_000.0, 500.0, 520.0, 5_000.0),
        })
        {
            f.Add(mode, "io", "RandomRead4KiB@layer", Units.OpsPerSecond, read, rounds: 5, iterations: 3, noise: 0.01);
            f.Add(mode, "network", "TcpBulk64KiB", Units.MegabytesPerSecond, ours, rounds: 5, iterations: 3, noise: 0.01);
            f.Add(mode, "network", "iperf3.TcpBulk64KiB", Units.MegabytesPerSecond, iperf3, rounds: 5, iterations: 1, noise: 0.01);
            f.Add(mode, "syscall", "StatMissing", Units.NanosecondsPerOp, stat, rounds: 3, iterations: 3, noise: 0.01);
        }

        f.Write();
        IoFactsCsv.AppendReads(f.Path,
        [
            new IoReadRow(FixtureRun.RunId, 1, "host", "RandomRead4KiB@layer", 11, 65536, 3, ReadKinds.Device),
            new IoReadRow(FixtureRun.RunId, 1, "runc", "RandomRead4KiB@layer", 11, 65536, 0, ReadKinds.Device),
            new IoReadRow(FixtureRun.RunId, 1, "runsc", "RandomRead4KiB@layer", 11, 65536, 65536, ReadKinds.Cache),
        ]);
        return f;
    }
}
