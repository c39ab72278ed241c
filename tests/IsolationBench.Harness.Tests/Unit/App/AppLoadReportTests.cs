using IsolationBench.Workloads.App;
using IsolationBench.AppLoad;
using IsolationBench.Results;

namespace IsolationBench.Harness.Tests.Unit.App;

/// <summary>The in-container client's lines read back, the load's samples and its histogram file, and the client's response parsing.</summary>
public sealed class AppLoadReportTests
{
    private static IEnumerable<string> Lines(LatencyHistogram h, long requests, string seconds = "2.5") =>
    [
        AppProtocol.ClientUpLine,
        "ISOBENCH-READY port=4711",
        "{}",
        AppProtocol.FirstResponseLine + " attempts=1",
        $"{AppProtocol.LoadLine} requests={requests} errors=0 seconds={seconds}",
        .. h.Buckets().Select(b => AppProtocol.LatencyLine + " " + LatencyHistogram.FormatBucket(b.From, b.To, b.Count)),
        AppProtocol.DoneLine + " service_exit=0",
    ];

    private static LatencyHistogram Known()
    {
        var h = new LatencyHistogram();
        for (var i = 1; i <= 1000; i++)
        {
            h.Record(i * 1_000); // 1 µs … 1 ms
        }

        return h;
    }

    [Fact]
    public void The_in_container_clients_lines_give_back_its_load_and_the_figures_are_in_the_declared_units()
    {
        var (result, problem) = AppLoadReport.Parse(Lines(Known(), 1000));

        Assert.Null(problem);
        Assert.Equal(1000, result!.Requests);
        Assert.Equal(400, result.RequestsPerSecond, 6);
        var figures = AppLoadReport.Figures(result).ToDictionary(f => f.Metric);
        Assert.Equal((AppMetrics.RequestsPerSecond, 400.0), (figures[AppMetrics.Throughput].Unit, figures[AppMetrics.Throughput].Value));
        Assert.Equal(AppMetrics.Microseconds, figures[AppMetrics.LatencyP50].Unit);
        Assert.InRange(figures[AppMetrics.LatencyP50].Value, 500 * 0.996, 500 * 1.004);
        Assert.InRange(figures[AppMetrics.LatencyP99].Value, 990 * 0.996, 990 * 1.004);
    }

    [Fact]
    public void A_load_line_that_disagrees_with_the_histogram_or_is_missing_is_a_problem_not_figures()
    {
        Assert.Contains("holds 1000 requests, its load line says 999", AppLoadReport.Parse(Lines(Known(), 999)).Problem, StringComparison.Ordinal);
        Assert.Contains("no complete", AppLoadReport.Parse(Lines(Known(), 1000).Where(l => !l.StartsWith(AppProtocol.LoadLine, StringComparison.Ordinal))).Problem, StringComparison.Ordinal);
        Assert.Contains("not \"from,to,count\"", AppLoadReport.Parse([.. Lines(Known(), 1000), AppProtocol.LatencyLine + " 1,2"]).Problem, StringComparison.Ordinal);
        Assert.Empty(AppLoadReport.Figures(new LoadResult(0, 3, TimeSpan.FromSeconds(1), new LatencyHistogram())));
    }

    [Fact]
    public void Every_requests_latency_is_written_to_the_run_directory_as_buckets()
    {
        var dir = Directory.CreateTempSubdirectory("isobench-app-");
        try
        {
            var path = AppLoadReport.WriteHistogram(new RunDirectory(dir.FullName), "runc+unconfined", 2, "host:123", Known());

            Assert.Equal(Path.Combine(dir.FullName, "app", "runc+unconfined-r2-host-123.csv"), path);
            var lines = File.ReadAllLines(path);
            Assert.Equal(AppLoadReport.HistogramHeader, lines[0]);
            var back = new LatencyHistogram();
            Assert.All(lines.Skip(1), l => Assert.True(back.TryAddBucket(l), l));
            Assert.Equal(1000, back.Count);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_client_reads_the_status_and_content_length_of_a_response_head()
    {
        Assert.Equal((200, 4096), HttpConnection.ParseHead("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\ncontent-length: 4096"u8));
        Assert.Equal((503, 0), HttpConnection.ParseHead("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0"u8));
        Assert.Throws<IOException>(() => HttpConnection.ParseHead("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked"u8));
        Assert.Throws<IOException>(() => HttpConnection.ParseHead("SSH-2.0-OpenSSH"u8));
    }
}
