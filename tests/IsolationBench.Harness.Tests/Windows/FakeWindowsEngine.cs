using System.Collections.Concurrent;
using System.Formats.Tar;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IsolationBench.Harness.Tests.Windows;

/// <summary>
/// A test engine: a small HTTP/1.1 server on 127.0.0.1 speaking the Docker Engine API subset the harness uses,
/// answering as the recorded Windows daemon does, and recording every request. Attach is hijacked like dockerd
/// does it (101 UPGRADED, then 8-byte-header multiplexed frames); the probe's output is sent after /start.
/// </summary>
public sealed class FakeWindowsEngine : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, FakeImage> _images = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeContainer> _containers = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _accepting;

    /// <param name="bind">The address to listen on: loopback (a local engine) unless a test needs a remote-looking one.</param>
    public FakeWindowsEngine(RecordedWindowsHost host, IPAddress? bind = null)
    {
        Host = host;
        _listener = new TcpListener(bind ?? IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public RecordedWindowsHost Host { get; }

    /// <summary>tcp://ADDRESS:PORT (127.0.0.1 unless bound elsewhere) — use it with InsecureEngine (the fake has no TLS).</summary>
    public string Endpoint => "tcp://" + ((IPEndPoint)_listener.LocalEndpoint).Address + ":" + ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> Creates => [.. _requests.Where(r => r.Method == "POST" && r.Route == "/containers/create")];

    /// <summary>Containers created and not yet removed.</summary>
    public int LiveContainers => _containers.Count;

    /// <summary>How long /start takes to answer: a cold Hyper-V utility VM (nested virtualisation, Defender) can take long.</summary>
    public TimeSpan StartDelay { get; init; } = TimeSpan.Zero;

    /// <summary>A daemon that ignores a hyperv request: the container answers with the process fingerprint.</summary>
    public bool AnswerHypervAsProcess { get; init; }

    /// <summary>An image as if built earlier (the tests of single containers need no build).</summary>
    public void AddImage(string tag) => _images[tag] = new FakeImage("sha256:" + new string('0', 64), new Dictionary<string, string>(), "10.0.20348.2966", []);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
            await Task.WhenAll(_connections).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or IOException or TimeoutException)
        {
            // Shutting down: connections the client left open end here.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _connections.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new HttpReader(stream);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var request = await reader.ReadRequestAsync(stream, _stop.Token);
                if (request is null)
                {
                    return;
                }

                var hijacked = await HandleAsync(request, stream);
                if (hijacked)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The client went away (or the test ended): nothing to answer.
        }
    }

    /// <summary>Answers one request; returns true when the connection was hijacked (attach) and is done.</summary>
    private async Task<bool> HandleAsync(HttpRequest request, NetworkStream stream)
    {
        var (route, query) = SplitTarget(request.Target);
        JsonNode? body = null;
        if (request.Body.Length > 0 && request.Headers.GetValueOrDefault("content-type", string.Empty).Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            body = JsonNode.Parse(request.Body);
        }

        _requests.Enqueue(new RecordedRequest(request.Method, request.Target, route, query, body, request.Body.Length));
        var segments = route.Trim('/').Split('/');
        switch (request.Method, segments)
        {
            case ("GET", ["_ping"]):
                await WriteAsync(stream, 200, "OK", "text/plain", "OK"u8.ToArray());
                return false;
            case ("GET", ["version"]):
                await WriteJsonAsync(stream, 200, Host.Version);
                return false;
            case ("GET", ["info"]):
                await WriteJsonAsync(stream, 200, Host.Info);
                return false;
            case ("GET", ["images", .., "json"]):
                await InspectImageAsync(stream, Uri.UnescapeDataString(string.Join('/', segments[1..^1])));
                return false;
            case ("POST", ["build"]):
                await BuildAsync(stream, query, request.Body);
                return false;
            case ("POST", ["containers", "create"]):
                await CreateAsync(stream, body?.AsObject());
                return false;
            case ("GET", ["containers", "json"]):
                await ListAsync(stream, query);
                return false;
            case ("POST", ["containers", var id, "attach"]):
                return await AttachAsync(stream, id, request);
            case ("POST", ["containers", var id, "start"]):
                await StartAsync(stream, id);
                return false;
            case ("POST", ["containers", var id, "wait"]):
                await WaitAsync(stream, id);
                return false;
            case ("GET", ["containers", var id, "json"]):
                await InspectContainerAsync(stream, id);
                return false;
            case ("POST", ["containers", var id, "kill"]):
                await KillAsync(stream, id);
                return false;
            case ("DELETE", ["containers", var id]):
                await (_containers.TryRemove(id, out _)
                    ? WriteAsync(stream, 204, "No Content", null, [])
                    : WriteErrorAsync(stream, 404, $"No such container: {id}"));
                return false;
            default:
                await WriteErrorAsync(stream, 404, "page not found");
                return false;
        }
    }

    private async Task InspectImageAsync(NetworkStream stream, string name)
    {
        if (!_images.TryGetValue(name, out var image))
        {
            await WriteErrorAsync(stream, 404, $"No such image: {name}");
            return;
        }

        await WriteJsonAsync(stream, 200, new JsonObject
        {
            ["Id"] = image.Id,
            ["RepoTags"] = new JsonArray(name),
            ["Os"] = "windows",
            ["OsVersion"] = image.OsVersion,
            ["Architecture"] = "amd64",
            ["Size"] = 120_000_000,
            ["Config"] = new JsonObject { ["Labels"] = JsonNode.Parse(JsonSerializer.Serialize(image.Labels)) },
        });
    }

    private async Task BuildAsync(NetworkStream stream, IReadOnlyDictionary<string, string> query, byte[] context)
    {
        var tag = query.GetValueOrDefault("t") ?? string.Empty;
        var labels = query.TryGetValue("labels", out var l) ? JsonSerializer.Deserialize<Dictionary<string, string>>(l) ?? [] : [];
        var args = query.TryGetValue("buildargs", out var a) ? JsonSerializer.Deserialize<Dictionary<string, string>>(a) ?? [] : [];
        var files = ContextFiles(context);
        var windowsTag = args.GetValueOrDefault("WINDOWS_TAG", "ltsc2022");
        var id = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(context));
        _images[tag] = new FakeImage(id, labels, windowsTag switch
        {
            "ltsc2019" => "10.0.17763.6659",
            "ltsc2025" => "10.0.26100.2894",
            _ => "10.0.20348.2966",
        }, files);

        // The legacy builder's JSON-lines stream, as a Windows daemon sends it for this Dockerfile.
        var lines = new StringBuilder();
        void Line(JsonObject o) => lines.Append(o.ToJsonString()).Append("\r\n");
        Line(new JsonObject { ["stream"] = $"Step 1/6 : ARG WINDOWS_TAG=ltsc2022\n" });
        Line(new JsonObject { ["stream"] = $"Step 2/6 : FROM mcr.microsoft.com/windows/nanoserver:{windowsTag}\n" });
        Line(new JsonObject { ["stream"] = " ---> 4a5d3c9e1f20\n" });
        Line(new JsonObject { ["stream"] = "Step 3/6 : COPY isobench-probe.exe C:/isobench/isobench-probe.exe\n" });
        Line(new JsonObject { ["stream"] = "Successfully built " + id[7..19] + "\n" });
        Line(new JsonObject { ["aux"] = new JsonObject { ["ID"] = id } });
        Line(new JsonObject { ["stream"] = "Successfully tagged " + tag + "\n" });
        await WriteAsync(stream, 200, "OK", "application/json", Encoding.UTF8.GetBytes(lines.ToString()));
    }

    /// <summary>The names in the uploaded build context (the harness sends a tar).</summary>
    public static IReadOnlyList<string> ContextFiles(byte[] tar)
    {
        var names = new List<string>();
        using var reader = new TarReader(new MemoryStream(tar));
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
        }

        return names;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> BuiltImages =>
        _images.ToDictionary(kv => kv.Key, kv => kv.Value.ContextFiles, StringComparer.Ordinal);

    private async Task CreateAsync(NetworkStream stream, JsonObject? body)
    {
        var image = body?["Image"]?.GetValue<string>() ?? string.Empty;
        if (!_images.ContainsKey(image))
        {
            await WriteErrorAsync(stream, 404, $"No such image: {image}");
            return;
        }

        var host = body?["HostConfig"] as JsonObject;
        var isolation = host?["Isolation"]?.GetValue<string>() ?? string.Empty;
        if (isolation is not ("" or "default" or "process" or "hyperv"))
        {
            // dockerd's own wording for an isolation a Windows daemon does not know.
            await WriteErrorAsync(stream, 400, $"Invalid isolation: {isolation}");
            return;
        }

        var effective = isolation is "" or "default" ? Host.DefaultIsolation : isolation;
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var labels = body?["Labels"] is JsonObject l ? l.ToDictionary(kv => kv.Key, kv => kv.Value?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal) : [];
        _containers[id] = new FakeContainer(id, image, effective, labels)
        {
            CpuCount = host?["CpuCount"]?.GetValue<long>() ?? 0,
            Memory = host?["Memory"]?.GetValue<long>() ?? 0,
        };
        await WriteJsonAsync(stream, 201, new JsonObject { ["Id"] = id, ["Warnings"] = new JsonArray() });
    }

    private async Task ListAsync(NetworkStream stream, IReadOnlyDictionary<string, string> query)
    {
        var wanted = new List<string>();
        if (query.TryGetValue("filters", out var filters) && JsonNode.Parse(filters)?["label"] is JsonObject labelFilter)
        {
            wanted.AddRange(labelFilter.Select(kv => kv.Key));
        }

        var list = new JsonArray();
        foreach (var c in _containers.Values.Where(c => wanted.All(c.HasLabel)))
        {
            list.Add(new JsonObject
            {
                ["Id"] = c.Id,
                ["Image"] = c.Image,
                ["State"] = c.State,
                ["Labels"] = JsonNode.Parse(JsonSerializer.Serialize(c.Labels)),
            });
        }

        await WriteJsonAsync(stream, 200, list);
    }

    private async Task<bool> AttachAsync(NetworkStream stream, string id, HttpRequest request)
    {
        if (!_containers.TryGetValue(id, out var container))
        {
            await WriteErrorAsync(stream, 404, $"No such container: {id}");
            return false;
        }

        var upgrade = request.Headers.ContainsKey("upgrade");
        var head = upgrade
            ? "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n"
            : "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
        await stream.FlushAsync(_stop.Token);

        // The probe writes nothing until the container starts (the harness times "ready" from /start).
        await container.Started.Task.WaitAsync(_stop.Token);
        var kind = AnswerHypervAsProcess && container.Isolation == "hyperv" ? "process" : container.Isolation;
        await WriteFrameAsync(stream, 1, "ISOBENCH-READY\n");
        await WriteFrameAsync(stream, 1, Host.FingerprintLine(kind, container.CpuCount) + "\n");
        container.Exit(0);
        stream.Socket.Shutdown(SocketShutdown.Send);
        return true;
    }

    /// <summary>Docker's multiplexed framing: [stream, 0, 0, 0, size (big-endian uint32)] then the payload.</summary>
    private async Task WriteFrameAsync(NetworkStream stream, byte streamType, string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var header = new byte[8];
        header[0] = streamType;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)payload.Length);
        await stream.WriteAsync(header, _stop.Token);
        await stream.WriteAsync(payload, _stop.Token);
        await stream.FlushAsync(_stop.Token);
    }

    private async Task StartAsync(NetworkStream stream, string id)
    {
        if (!_containers.TryGetValue(id, out var container))
        {
            await WriteErrorAsync(stream, 404, $"No such container: {id}");
            return;
        }

        if (StartDelay > TimeSpan.Zero)
        {
            await Task.Delay(StartDelay, _stop.Token);
        }

        container.State = "running";
        container.Started.TrySetResult();
        await WriteAsync(stream, 204, "No Content", null, []);
    }

    private async Task WaitAsync(NetworkStream stream, string id)
    {
        if (!_containers.TryGetValue(id, out var container))
        {
            await WriteErrorAsync(stream, 404, $"No such container: {id}");
            return;
        }

        var code = await container.Exited.Task.WaitAsync(_stop.Token);
        await WriteJsonAsync(stream, 200, new JsonObject { ["StatusCode"] = code, ["Error"] = null });
    }

    private async Task InspectContainerAsync(NetworkStream stream, string id)
    {
        if (!_containers.TryGetValue(id, out var c))
        {
            await WriteErrorAsync(stream, 404, $"No such container: {id}");
            return;
        }

        await WriteJsonAsync(stream, 200, new JsonObject
        {
            ["Id"] = c.Id,
            ["Image"] = c.Image,
            ["Platform"] = "windows",
            ["State"] = new JsonObject
            {
                ["Status"] = c.State,
                ["Running"] = c.State == "running",
                ["ExitCode"] = c.Exited.Task.IsCompleted ? c.Exited.Task.Result : 0,
                ["OOMKilled"] = false,
                ["Error"] = string.Empty,
            },
            // The client reads Config.Tty before attaching, to know whether the stream is multiplexed.
            ["Config"] = new JsonObject
            {
                ["Image"] = c.Image,
                ["Tty"] = false,
                ["AttachStdout"] = true,
                ["AttachStderr"] = true,
                ["Labels"] = JsonNode.Parse(JsonSerializer.Serialize(c.Labels)),
            },
            ["HostConfig"] = new JsonObject { ["Isolation"] = c.Isolation, ["CpuCount"] = c.CpuCount, ["Memory"] = c.Memory },
        });
    }

    private async Task KillAsync(NetworkStream stream, string id)
    {
        if (!_containers.TryGetValue(id, out var c))
        {
            await WriteErrorAsync(stream, 404, $"No such container: {id}");
            return;
        }

        if (c.State != "running")
        {
            await WriteErrorAsync(stream, 409, $"Container {id} is not running");
            return;
        }

        c.Exit(1);
        await WriteAsync(stream, 204, "No Content", null, []);
    }

    private static (string Route, IReadOnlyDictionary<string, string> Query) SplitTarget(string target)
    {
        var q = target.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? target : target[..q];
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (q >= 0)
        {
            foreach (var pair in target[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var key = Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' '));
                query[key] = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            }
        }

        // Clients prefix the API version (/v1.47/info); the routes are the same.
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > 0 && segments[0].StartsWith('v') && segments[0].Length > 1 && char.IsAsciiDigit(segments[0][1]))
        {
            path = "/" + string.Join('/', segments[1..]);
        }

        return (path, query);
    }

    private Task WriteJsonAsync(NetworkStream stream, int status, JsonNode json) =>
        WriteAsync(stream, status, status switch { 200 => "OK", 201 => "Created", _ => "Status" }, "application/json", Encoding.UTF8.GetBytes(json.ToJsonString() + "\n"));

    private Task WriteErrorAsync(NetworkStream stream, int status, string message) =>
        WriteAsync(stream, status, "Error", "application/json", Encoding.UTF8.GetBytes(new JsonObject { ["message"] = message }.ToJsonString() + "\n"));

    private async Task WriteAsync(NetworkStream stream, int status, string reason, string? contentType, byte[] body)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\n")
            .Append("Api-Version: ").Append(Host.Version["ApiVersion"]!.GetValue<string>()).Append("\r\n")
            .Append("Docker-Experimental: false\r\nOstype: windows\r\n")
            .Append("Server: Docker/").Append(Host.Version["Version"]!.GetValue<string>()).Append(" (windows)\r\n");
        if (contentType is not null)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
        await stream.WriteAsync(body, _stop.Token);
        await stream.FlushAsync(_stop.Token);
    }

    private sealed record FakeImage(string Id, IReadOnlyDictionary<string, string> Labels, string OsVersion, IReadOnlyList<string> ContextFiles);

    private sealed class FakeContainer(string id, string image, string isolation, IReadOnlyDictionary<string, string> labels)
    {
        public string Id { get; } = id;

        public string Image { get; } = image;

        public string Isolation { get; } = isolation;

        public IReadOnlyDictionary<string, string> Labels { get; } = labels;

        /// <summary>HostConfig.CPUCount as created (0 = not set).</summary>
        public long CpuCount { get; init; }

        public long Memory { get; init; }

        public string State { get; set; } = "created";

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<long> Exited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool HasLabel(string filter)
        {
            var eq = filter.IndexOf('=', StringComparison.Ordinal);
            return eq < 0 ? Labels.ContainsKey(filter) : Labels.TryGetValue(filter[..eq], out var v) && v == filter[(eq + 1)..];
        }

        public void Exit(long code)
        {
            State = "exited";
            Started.TrySetResult();
            Exited.TrySetResult(code);
        }
    }
}

/// <summary>One request the fake engine received: Route has the /vX.Y prefix and the query removed.</summary>
public sealed record RecordedRequest(string Method, string Target, string Route, IReadOnlyDictionary<string, string> Query, JsonNode? Body, int BodyBytes);
