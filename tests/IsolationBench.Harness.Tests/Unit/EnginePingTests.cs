using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Tests.Unit;

/// <summary>
/// dockerd stopping closes its listener first and goes on serving connections already open until it exits (moby
/// 20.10 cmd/dockerd: cli.stop() closes the listeners, then shutdownDaemon). The liveness check after a refusal must
/// then say "gone": a fake engine on a unix socket and on tcp stops accepting while its open connections still answer.
/// </summary>
public sealed class EnginePingTests
{
    [SkippableTheory]
    [InlineData("unix")]
    [InlineData("tcp")]
    public async Task An_engine_that_stopped_accepting_is_gone_to_the_ping_and_to_every_call(string transport)
    {
        Skip.If(OperatingSystem.IsWindows() && transport == "unix", "the fake engine listens on a unix socket");
        using var stopping = new StoppingEngine(transport);
        await using var engine = await DockerEngine.ConnectAsync(
            EngineEndpoint.Resolve(stopping.Endpoint, null, OperatingSystem.IsWindows(), allowInsecureTcp: true), TimeSpan.FromSeconds(10), CancellationToken.None);
        await engine.PingAsync(CancellationToken.None);
        Assert.Empty(await engine.ListContainersAsync(Labels.Run, null, CancellationToken.None));
        Assert.Null(await EngineLiveness.GoneAfterRefusalAsync(engine, CancellationToken.None));

        stopping.StopAccepting();

        var gone = await Assert.ThrowsAsync<EngineUnavailableException>(() => engine.PingAsync(CancellationToken.None));
        Assert.StartsWith($"cannot reach the container engine at {stopping.Endpoint} (", gone.Message, StringComparison.Ordinal);
        Assert.NotNull(await EngineLiveness.GoneAfterRefusalAsync(engine, CancellationToken.None));
        // tcp's refused connect comes wrapped in an AggregateException: every call still says "cannot reach", never crashes.
        var call = await Assert.ThrowsAsync<EngineUnavailableException>(() => engine.ListContainersAsync(Labels.Run, null, CancellationToken.None));
        Assert.StartsWith($"cannot reach the container engine at {stopping.Endpoint} (", call.Message, StringComparison.Ordinal);
    }

    /// <summary>Answers /version, /_ping and /containers/json over HTTP/1.1 keep-alive until disposed.</summary>
    private sealed class StoppingEngine : IDisposable
    {
        private readonly Socket _listener;
        private readonly List<Socket> _open = [];
        private readonly string? _path;

        public StoppingEngine(string transport)
        {
            if (transport == "unix")
            {
                _path = Path.Combine(Path.GetTempPath(), $"isobench-ping-{Guid.NewGuid():N}.sock");
                _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                _listener.Bind(new UnixDomainSocketEndPoint(_path));
                Endpoint = "unix://" + _path;
            }
            else
            {
                _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                Endpoint = "tcp://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndPoint!).Port.ToString(CultureInfo.InvariantCulture);
            }

            _listener.Listen(8);
            _ = AcceptAsync();
        }

        public string Endpoint { get; }

        public void StopAccepting() => _listener.Close();

        public void Dispose()
        {
            _listener.Dispose();
            lock (_open)
            {
                _open.ForEach(s => s.Dispose());
            }

            if (_path is not null)
            {
                File.Delete(_path);
            }
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var connection = await _listener.AcceptAsync();
                    lock (_open)
                    {
                        _open.Add(connection);
                    }

                    _ = ServeAsync(connection);
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Stopped accepting.
            }
        }

        private static async Task ServeAsync(Socket connection)
        {
            var buffer = new byte[16 * 1024];
            var pending = new StringBuilder();
            try
            {
                while (true)
                {
                    var n = await connection.ReceiveAsync(buffer, SocketFlags.None);
                    if (n == 0)
                    {
                        return;
                    }

                    pending.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    int end;
                    while ((end = pending.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                    {
                        var head = pending.ToString(0, end);
                        pending.Remove(0, end + 4);
                        var target = head.Split(' ')[1];
                        var body = target.Contains("/version", StringComparison.Ordinal) ? "{\"ApiVersion\":\"1.41\",\"Version\":\"20.10.24\"}"
                            : target.Contains("/_ping", StringComparison.Ordinal) ? "OK"
                            : "[]";
                        var answer = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nApi-Version: 1.41\r\nContent-Length: {body.Length}\r\n\r\n{body}";
                        await connection.SendAsync(Encoding.ASCII.GetBytes(answer), SocketFlags.None);
                    }
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Closed by the test.
            }
        }
    }
}
