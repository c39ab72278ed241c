using IsolationBench.Results;
using IsolationBench.Results.BenchmarkDotNet;
using System.Text.Json;

namespace IsolationBench.Workloads.Guest;

/// <summary>
/// Turns the iperf3 client JSON (-J) that isobench-guest --iperf3 leaves in &lt;artifacts&gt;/iperf3/&lt;metric&gt;.&lt;side&gt;.json
/// into samples of the network workload: one per iperf3 test, metric "iperf3." + our metric (<c>iperf3.TcpBulk64KiB</c>),
/// in MB/s with MB = 10⁶ bytes, like ours. The figure is the bytes the server received ÷ the seconds it received them
/// (end.sum_received): what reached the reader, as ours is timed until the reader acknowledged its batch; the sender's
/// sum also counts bytes still in the socket buffers at the end. Pure: reads files, never measures.
/// </summary>
public static class Iperf3ReportConverter
{
    public const string DirectoryName = "iperf3";
    public const string MetricPrefix = "iperf3.";
    public const string Workload = "network";

    /// <summary>Every &lt;artifactsDir&gt;/iperf3/*.json in time order (before, then after); none is an empty list: --iperf3 is optional.</summary>
    public static IReadOnlyList<Sample> ConvertArtifacts(string artifactsDir, GuestSampleContext context)
    {
        ArgumentNullException.ThrowIfNull(artifactsDir);
        ArgumentNullException.ThrowIfNull(context);
        var samples = new List<Sample>();
        foreach (var file in RefereeFiles.InRunOrder(artifactsDir, DirectoryName))
        {
            var sample = Convert(file, context);
            samples.Add(sample with { Iteration = samples.Count(s => s.Metric == sample.Metric) + 1 });
        }

        return samples;
    }

    /// <summary>One iperf3 client report; the metric is "iperf3." + the file name up to its first dot.</summary>
    public static Sample Convert(string path, GuestSampleContext context)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        if (!File.Exists(path))
        {
            throw new ResultsFormatException(path, 0, "not found: isobench-guest --iperf3 writes <artifacts>/iperf3/<metric>.<side>.json");
        }

        var metric = MetricPrefix + Path.GetFileName(path).Split('.')[0];
        using var document = JsonFile.Parse(path, "iperf3 JSON");
        var root = document.RootElement;
        string status;
        var value = double.NaN;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
        {
            status = SampleStatus.Failed("iperf3: " + error.GetString());
        }
        else
        {
            var received = Json.Required(Json.Required(root, "end", path, "the iperf3 report"), "sum_received", path, "the iperf3 report's end");
            var bytes = Json.RequiredNumber(received, "bytes", path, "end.sum_received");
            var seconds = Json.RequiredNumber(received, "seconds", path, "end.sum_received");
            value = bytes / seconds / 1e6;
            status = seconds > 0 && bytes > 0 && double.IsFinite(value) ? SampleStatus.Ok : SampleStatus.Failed("iperf3 reported no bytes or no time received");
        }

        return new Sample
        {
            RunId = context.RunId,
            Round = context.Round,
            Mode = context.Mode,
            Workload = Workload,
            Metric = metric,
            Unit = Units.MegabytesPerSecond,
            Value = status == SampleStatus.Ok ? value : double.NaN,
            Status = status,
            Iteration = 1,
            Source = context.Source,
            TimestampUtc = context.TimestampUtc,
        };
    }
}
