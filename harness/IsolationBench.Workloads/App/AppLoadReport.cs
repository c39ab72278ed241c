using IsolationBench.Harness;
using System.Globalization;
using IsolationBench.AppLoad;
using IsolationBench.Results;

namespace IsolationBench.Workloads.App;

/// <summary>The steady load as samples and as a histogram file, and the in-container client's lines read back into a <see cref="LoadResult"/>.</summary>
public static class AppLoadReport
{
    public const string HistogramHeader = "latency_ns_from,latency_ns_to,count";

    /// <summary>Requests per second, p50 and p99 in µs; nothing from a load that completed no request.</summary>
    public static IReadOnlyList<(string Metric, string Unit, double Value)> Figures(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Requests == 0
            ? []
            :
            [
                (AppMetrics.Throughput, AppMetrics.RequestsPerSecond, result.RequestsPerSecond),
                (AppMetrics.LatencyP50, AppMetrics.Microseconds, result.Latencies.Quantile(0.50) / 1000),
                (AppMetrics.LatencyP99, AppMetrics.Microseconds, result.Latencies.Quantile(0.99) / 1000),
            ];
    }

    /// <summary>Writes every request's latency as buckets to &lt;run&gt;/app/&lt;mode&gt;-r&lt;round&gt;-&lt;source&gt;.csv; returns its path.</summary>
    public static string WriteHistogram(RunDirectory directory, string mode, int round, string source, LatencyHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(histogram);
        var folder = Path.Combine(directory.Path, AppMetrics.HistogramFolder);
        Directory.CreateDirectory(folder);
        var safeSource = string.Concat(source.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '-'));
        var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{mode}-r{round}-{safeSource}.csv"));
        File.WriteAllLines(path, [HistogramHeader, .. histogram.Buckets().Select(b => LatencyHistogram.FormatBucket(b.From, b.To, b.Count))]);
        return path;
    }

    /// <summary>The in-container client's load line and latency lines read back, or why they cannot be.</summary>
    public static (LoadResult? Result, string? Problem) Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var histogram = new LatencyHistogram();
        long? requests = null, errors = null;
        double? seconds = null;
        foreach (var line in lines)
        {
            if (line.StartsWith(AppProtocol.LoadLine + " ", StringComparison.Ordinal))
            {
                foreach (var pair in line[(AppProtocol.LoadLine.Length + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var (key, value) = pair.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? (pair[..eq], pair[(eq + 1)..]) : (pair, string.Empty);
                    switch (key)
                    {
                        case "requests" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var r):
                            requests = r;
                            break;
                        case "errors" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var e):
                            errors = e;
                            break;
                        case "seconds" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0:
                            seconds = s;
                            break;
                        default:
                            break;
                    }
                }
            }
            else if (line.StartsWith(AppProtocol.LatencyLine + " ", StringComparison.Ordinal) && !histogram.TryAddBucket(line[(AppProtocol.LatencyLine.Length + 1)..]))
            {
                return (null, $"the in-container client wrote a latency line that is not \"from,to,count\": \"{line}\"");
            }
        }

        if (requests is null || errors is null || seconds is null)
        {
            return (null, $"the in-container client wrote no complete \"{AppProtocol.LoadLine} requests=N errors=N seconds=S\" line");
        }

        return histogram.Count != requests
            ? (null, string.Create(CultureInfo.InvariantCulture, $"the in-container client's histogram holds {histogram.Count} requests, its load line says {requests}"))
            : (new LoadResult(requests.Value, errors.Value, TimeSpan.FromSeconds(seconds.Value), histogram), null);
    }
}
