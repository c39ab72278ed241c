using System.Net;
using System.Net.Sockets;
using System.Text;
using IsolationBench.AppLoad;

namespace IsolationBench.Harness.Tests.Unit.App;

/// <summary>The client against a fake HTTP/1.1 server on loopback: the load counts what it measured, a wrong answer is an error, the first response waits for a listener.</summary>
public sealed class AppClientLoopbackTests
{
    /// <summary>Answers GET /json with 13 bytes and GET /file with <paramref name="fileBytes"/> bytes, keep-alive; counts requests per path.</summary>
    private sealed class FakeServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly int _fileBytes;
        private int _json;
        private int _file;

        public FakeServer(int fileBytes)
        {
            _fileBytes = fileBytes;
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

        public int Json => Volatile.Read(ref _json);

        public int File => Volatile.Read(ref _file);

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                    _ = Task.Run(() => Serve(client));
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }

        private void Serve(TcpClient client)
        {
            using (client)
            {
                var stream = client.GetStream();
                var buffer = new byte[4096];
                var pending = new StringBuilder();
                try
                {
                    int n;
                    while ((n = stream.Read(buffer)) > 0)
                    {
                        pending.Append(Encoding.ASCII.GetString(buffer, 0, n));
                        int end;
                        while ((end = pending.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                        {
                            var head = pending.ToString(0, end);
                            pending.Remove(0, end + 4);
                            var file = head.StartsWith("GET /file ", StringComparison.Ordinal);
                            _ = file ? Interlocked.Increment(ref _file) : Interlocked.Increment(ref _json);
                            var body = new byte[file ? _fileBytes : 13];
                            stream.Write(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\n\r\n"));
                            stream.Write(body);
                        }
                    }
                }
                catch (IOException)
                {
                    // The client went.
                }
            }
        }

        public void Dispose() => _listener.Stop();
    }

    [Fact]
    public void A_load_counts_every_answered_request_once_alternating_json_and_file()
    {
        using var server = new FakeServer(AppProtocol.FileBytes);

        var result = AppClient.Load(server.EndPoint, new LoadPlan(3, TimeSpan.FromMilliseconds(300)), CancellationToken.None);

        Assert.Equal(0, result.Errors);
        Assert.True(result.Requests > 0);
        Assert.Equal(result.Requests, result.Latencies.Count);
        Assert.Equal(result.Requests, server.Json + server.File);
        Assert.InRange(server.Json - server.File, 0, 3); // each worker starts with /json
        Assert.True(result.Elapsed >= TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void A_file_of_the_wrong_size_ends_the_worker_as_an_error()
    {
        using var server = new FakeServer(fileBytes: 10);

        var result = AppClient.Load(server.EndPoint, new LoadPlan(2, TimeSpan.FromSeconds(5)), CancellationToken.None);

        Assert.Equal(2, result.Errors);
        Assert.Equal(2, result.Requests); // each worker's /json, then its /file was wrong
    }

    [Fact]
    public void The_first_response_retries_until_a_listener_answers_and_gives_up_after_its_timeout()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var free = (IPEndPoint)probe.LocalEndpoint;
        probe.Stop();

        Assert.ThrowsAny<Exception>(() => AppClient.FirstResponse(free, TimeSpan.FromMilliseconds(100), CancellationToken.None));
        using var server = new FakeServer(AppProtocol.FileBytes);
        Assert.Equal(1, AppClient.FirstResponse(server.EndPoint, TimeSpan.FromSeconds(5), CancellationToken.None));
    }
}
