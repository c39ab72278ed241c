using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IsolationBench.AppLoad;

/// <summary>
/// The app workload's client, the same code on the host (the harness) and inside a container (isobench-guest
/// app-client): blocking sockets on threads of their own (<see cref="HttpConnection"/>), so no thread pool, no
/// HttpClient pooling and no JIT of a large HTTP stack lands in what is timed. Each call's failures are exceptions
/// (SocketException, IOException) for the caller to turn into the cell's failure.
/// </summary>
public static class AppClient
{
    private static readonly byte[] Json = HttpConnection.Request("GET", AppProtocol.JsonPath);
    private static readonly byte[] File = HttpConnection.Request("GET", AppProtocol.FilePath);
    private static readonly byte[] Quit = HttpConnection.Request("POST", AppProtocol.QuitPath);

    /// <summary>
    /// GET /json until it answers 200, on a new connection per attempt, a refused or dropped connection retried every
    /// 2 ms (a published port's proxy accepts before the service listens): returns the attempts it took.
    /// </summary>
    public static int FirstResponse(IPEndPoint server, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var connection = HttpConnection.Open(server);
                var (status, _) = connection.Send(Json);
                if (status == 200)
                {
                    return attempt;
                }

                if (Stopwatch.GetTimestamp() > deadline)
                {
                    throw new IOException($"GET {AppProtocol.JsonPath} answered {status}, not 200, until the {timeout.TotalSeconds:0} s timeout");
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException && Stopwatch.GetTimestamp() <= deadline)
            {
                // Not listening yet (refused), or a proxy dropped the connection: try again.
            }

            Thread.Sleep(2);
        }
    }

    /// <summary>
    /// Closed-loop load: <see cref="LoadPlan.Concurrency"/> workers, each on its own keep-alive connection, alternate GET
    /// /json and GET /file (a request is sent when the previous answer is in) until <see cref="LoadPlan.Duration"/> is over;
    /// every completed request's latency (request written → whole response read) goes into the histogram. A wrong answer
    /// or a broken connection ends that worker and counts as an error.
    /// </summary>
    public static LoadResult Load(IPEndPoint server, LoadPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(plan);
        var workers = new Worker[plan.Concurrency];
        var connections = new HttpConnection[plan.Concurrency];
        try
        {
            for (var i = 0; i < connections.Length; i++)
            {
                connections[i] = HttpConnection.Open(server);
            }

            using var go = new ManualResetEventSlim();
            var start = 0L;
            var stop = 0L;
            var threads = new Thread[plan.Concurrency];
            for (var i = 0; i < threads.Length; i++)
            {
                var worker = workers[i] = new Worker(connections[i]);
                threads[i] = new Thread(() =>
                {
                    go.Wait(cancellationToken);
                    worker.Run(Volatile.Read(ref stop), cancellationToken);
                })
                { IsBackground = true, Name = "app load" };
                threads[i].Start();
            }

            start = Stopwatch.GetTimestamp();
            Volatile.Write(ref stop, start + (long)(plan.Duration.TotalSeconds * Stopwatch.Frequency));
            go.Set();
            foreach (var thread in threads)
            {
                thread.Join();
            }

            cancellationToken.ThrowIfCancellationRequested();
            var end = workers.Max(w => w.End);
            var latencies = new LatencyHistogram();
            foreach (var worker in workers)
            {
                latencies.Add(worker.Latencies);
            }

            return new LoadResult(latencies.Count, workers.Sum(w => w.Errors), Stopwatch.GetElapsedTime(start, end), latencies);
        }
        finally
        {
            foreach (var connection in connections)
            {
                connection?.Dispose();
            }
        }
    }

    /// <summary>POST /quit: the service answers, then stops and exits 0.</summary>
    public static void Stop(IPEndPoint server)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var connection = HttpConnection.Open(server);
        _ = connection.Send(Quit);
    }

    private sealed class Worker(HttpConnection connection)
    {
        public LatencyHistogram Latencies { get; } = new();

        public long Errors { get; private set; }

        public long End { get; private set; }

        public void Run(long stop, CancellationToken cancellationToken)
        {
            var n = 0;
            try
            {
                while (Stopwatch.GetTimestamp() < stop && !cancellationToken.IsCancellationRequested)
                {
                    var file = (n++ & 1) == 1;
                    var before = Stopwatch.GetTimestamp();
                    var (status, length) = connection.Send(file ? File : Json);
                    var after = Stopwatch.GetTimestamp();
                    if (status != 200 || (file && length != AppProtocol.FileBytes))
                    {
                        Errors++;
                        break;
                    }

                    Latencies.Record((long)Stopwatch.GetElapsedTime(before, after).TotalNanoseconds);
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException)
            {
                Errors++;
            }

            End = Stopwatch.GetTimestamp();
        }
    }
}
