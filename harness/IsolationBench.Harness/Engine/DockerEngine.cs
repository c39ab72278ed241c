using System.Globalization;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Docker.DotNet.NPipe;
using Docker.DotNet.X509;
using Version = System.Version;

namespace IsolationBench.Harness.Engine;

/// <summary>
/// The Docker Engine adapter: the only type in the suite that uses Docker.DotNet. Translates engine answers
/// into plain records and engine failures into one-line exceptions.
/// </summary>
public sealed partial class DockerEngine : IContainerEngine
{
    // 1.41 = Docker 20.10 (Debian 12's docker.io); 1.24 is the oldest every current daemon still serves.
    private static readonly Version ProbeApiVersion = new(1, 24);
    private static readonly Version NewestApiVersion = new(1, 47);

    private readonly DockerClient _client;
    private readonly TimeSpan _callTimeout;
    private readonly EngineEndpoint _endpoint;
    private readonly Version _apiVersion;

    private DockerEngine(DockerClient client, EngineEndpoint endpoint, Version apiVersion, TimeSpan callTimeout)
    {
        _client = client;
        _callTimeout = callTimeout;
        _endpoint = endpoint;
        _apiVersion = apiVersion;
        Endpoint = endpoint.ToString();
    }

    public string Endpoint { get; }

    /// <summary>Connects and negotiates the API version (the newest both sides speak).</summary>
    public static async Task<DockerEngine> ConnectAsync(EngineEndpoint endpoint, TimeSpan callTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        DockerClient probe;
        var refusal = new ServerRefusal();
        try
        {
            probe = Build(endpoint, ProbeApiVersion, callTimeout, refusal);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or PlatformNotSupportedException)
        {
            // The transport refuses the endpoint before any connection (e.g. an npipe URI it cannot read).
            throw Unreachable(endpoint.ToString(), ex);
        }

        using var _ = probe;
        VersionResponse version;
        try
        {
            version = await WithTimeout(probe, callTimeout, ct => probe.System.GetVersionAsync(ct), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An engine we do not trust is the user's configuration to fix (exit 2), not an engine that is down.
            if (refusal.Problem is { } problem)
            {
                throw new UsageException(problem);
            }

            // dockerd's own answer to plain HTTP on its TLS port (Go's net/http): the engine is up, our settings are wrong.
            if (endpoint.Tls is null && endpoint.IsTcp && ex.Message.Contains("HTTP request to an HTTPS server", StringComparison.Ordinal))
            {
                throw new UsageException($"the engine at {endpoint} speaks TLS: give it certificates (--tls-ca/--tls-cert/--tls-key, or DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH) instead of --insecure-engine");
            }

            if (endpoint.Tls is { } tls && HandshakeFailed(ex) is { } handshake)
            {
                throw new UsageException($"the engine at {endpoint} refused the TLS handshake ({handshake.Message.TrimEnd('.')}): the CA it trusts (its --tlscacert) must have signed the client certificate {tls.CertFile}");
            }

            throw Unreachable(endpoint.ToString(), ex);
        }

        var server = Version.TryParse(version.APIVersion, out var v) ? v : ProbeApiVersion;
        var negotiated = server < NewestApiVersion ? server : NewestApiVersion;
        return new DockerEngine(Build(endpoint, negotiated, callTimeout, refusal), endpoint, negotiated, callTimeout);
    }

    private static DockerClient Build(EngineEndpoint endpoint, Version apiVersion, TimeSpan callTimeout, ServerRefusal refusal)
    {
        var builder = new DockerClientBuilder().WithEndpoint(endpoint.Uri).WithApiVersion(apiVersion)
            // Attach and wait stay open for a container's whole life; our own per-call timeouts bound the rest.
            .WithTimeout(Timeout.InfiniteTimeSpan);
        if (endpoint.Tls is { } tls)
        {
            var host = endpoint.Uri.Host;
            builder = builder.WithAuthProvider(new CertificateCredentials(tls.Client)
            {
                ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    var trusted = tls.VerifyServer(host, certificate, errors, out var problem);
                    refusal.Problem ??= problem;
                    return trusted;
                },
            });
        }

        return endpoint.IsNamedPipe
            ? builder.WithTransportOptions(new NPipeTransportOptions { ConnectTimeout = EngineEndpoint.NamedPipeConnectTimeout }).Build()
            : builder.Build();
    }

    public async Task<EngineFacts> GetFactsAsync(CancellationToken cancellationToken)
    {
        var info = await Call(ct => _client.System.GetSystemInfoAsync(ct), "read /info", cancellationToken).ConfigureAwait(false);
        var version = await Call(ct => _client.System.GetVersionAsync(ct), "read /version", cancellationToken).ConfigureAwait(false);
        return new EngineFacts
        {
            Version = version.Version ?? info.ServerVersion ?? "unknown",
            ApiVersion = version.APIVersion ?? "unknown",
            MinApiVersion = version.MinAPIVersion ?? string.Empty,
            OsType = info.OSType ?? version.Os ?? "unknown",
            OperatingSystem = info.OperatingSystem ?? "unknown",
            KernelVersion = info.KernelVersion ?? version.KernelVersion ?? "unknown",
            DefaultIsolation = string.IsNullOrEmpty(info.Isolation) ? null : info.Isolation,
            DefaultRuntime = string.IsNullOrEmpty(info.DefaultRuntime) ? null : info.DefaultRuntime,
            Runtimes = info.Runtimes is null ? [] : [.. info.Runtimes.Keys.Order(StringComparer.Ordinal)],
            RuntimeRegistrations = info.Runtimes is null
                ? new Dictionary<string, RuntimeRegistration>()
                : info.Runtimes.ToDictionary(
                    r => r.Key,
                    r => new RuntimeRegistration(r.Value?.Path ?? string.Empty, r.Value?.Args is { } args ? [.. args] : [], r.Value?.Type ?? string.Empty),
                    StringComparer.Ordinal),
            Cpus = (int)info.NCPU,
            MemoryBytes = info.MemTotal,
            Architecture = info.Architecture ?? string.Empty,
            Name = info.Name ?? string.Empty,
            DockerRootDir = info.DockerRootDir ?? string.Empty,
        };
    }

    /// <summary>
    /// On a connection of its own: a stopping dockerd closes its listener first, then tears itself down while it still
    /// serves connections already open, so only a new connection tells that it is going away. Docker.DotNet's unix and
    /// tcp handlers open one a request today (EnginePingTests); a client of its own keeps that true if one starts pooling.
    /// </summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        using var fresh = Build(_endpoint, _apiVersion, _callTimeout, new ServerRefusal());
        await Call(ct => fresh.System.PingAsync(ct), "answer /_ping", cancellationToken).ConfigureAwait(false);
    }

    public async Task<ImageFacts?> InspectImageAsync(string reference, CancellationToken cancellationToken)
    {
        try
        {
            var image = await Call(ct => _client.Images.InspectImageAsync(reference, ct), "inspect image " + reference, cancellationToken).ConfigureAwait(false);
            var labels = image.Config?.Labels is { } l ? new Dictionary<string, string>(l, StringComparer.Ordinal) : [];
            return new ImageFacts(image.ID, labels, image.Size);
        }
        catch (EngineRequestException ex) when (ex.StatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<string> BuildImageAsync(ImageBuildRequest request, Stream contextTar, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new ImageBuildParameters
        {
            Tags = [request.Tag],
            Dockerfile = request.Dockerfile,
            Labels = new Dictionary<string, string>(request.Labels),
            BuildArgs = new Dictionary<string, string>(request.BuildArgs),
            Remove = true,
            ForceRemove = true,
            Pull = null,
        };
        string? error = null;
        var messages = new Progress<JSONMessage>(m =>
        {
            if (m.Error is not null)
            {
                error = m.Error.Message ?? "unknown build error";
            }
            else if (!string.IsNullOrWhiteSpace(m.Stream))
            {
                progress?.Report(m.Stream.TrimEnd());
            }
        });
        await Call(
            async ct =>
            {
                await _client.Images.BuildImageFromDockerfileAsync(parameters, contextTar, null, null, messages, ct).ConfigureAwait(false);
                return true;
            },
            "build image " + request.Tag,
            cancellationToken,
            TimeSpan.FromMinutes(10)).ConfigureAwait(false);

        // Progress<T> posts to the thread pool: give the last message a moment to land before judging.
        await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            throw new EngineRequestException($"building {request.Tag} failed: {error.Trim()}", 500);
        }

        var built = await InspectImageAsync(request.Tag, cancellationToken).ConfigureAwait(false);
        return built?.Id ?? throw new EngineRequestException($"building {request.Tag} reported no error but the image is not there", 500);
    }

    public async Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        EngineSocketGuard.Check(spec);
        var host = HostConfigFor(spec);

        var parameters = new CreateContainerParameters
        {
            Image = spec.Image,
            Cmd = spec.Command.Count > 0 ? [.. spec.Command] : null!,
            Labels = new Dictionary<string, string>(spec.Labels),
            Env = spec.Environment.Count > 0 ? [.. spec.Environment] : null!,
            AttachStdout = true,
            AttachStderr = true,
            Tty = false,
            OpenStdin = spec.OpenStdin,
            NetworkDisabled = spec.NetworkMode == "none",
            HostConfig = host,
        };
        if (spec.PublishedPorts.Count > 0)
        {
            parameters.ExposedPorts = spec.PublishedPorts.ToDictionary(p => PortKey(p), _ => default(EmptyStruct));
        }

        // Bounded by the caller's per-container (per-mode) deadline, not the per-call timeout: see StartAsync.
        var response = await Call(ct => _client.Containers.CreateContainerAsync(parameters, ct), "create a container of " + spec.Image, cancellationToken, Timeout.InfiniteTimeSpan).ConfigureAwait(false);
        return response.ID;
    }

    /// <summary>The spec's HostConfig: runtime or isolation, mounts, ports on the host's loopback only, then its limits.</summary>
    private static HostConfig HostConfigFor(ContainerSpec spec)
    {
        // The Docker.DotNet models are annotated non-null but the engine treats an absent field as "default":
        // set only what the spec asks for.
        var host = new HostConfig { NetworkMode = spec.NetworkMode, AutoRemove = false };
        if (spec.Runtime is not null)
        {
            host.Runtime = spec.Runtime;
        }

        if (spec.Isolation is not null)
        {
            host.Isolation = spec.Isolation;
        }

        if (spec.Binds.Count > 0)
        {
            host.Binds = [.. spec.Binds];
        }

        if (spec.Volumes.Count > 0)
        {
            // No source: an anonymous volume, which the remove (RemoveVolumes) takes with the container.
            host.Mounts = [.. spec.Volumes.Select(target => new Mount { Type = "volume", Target = target })];
        }

        if (spec.PublishedPorts.Count > 0)
        {
            if (spec.NetworkMode == "none")
            {
                throw new ArgumentException("a container without a network cannot publish a port: set ContainerSpec.NetworkMode", nameof(spec));
            }

            // Only on the host's loopback, never on every interface; an empty HostPort lets the engine pick a free one.
            host.PortBindings = spec.PublishedPorts.ToDictionary(
                p => PortKey(p),
                p => (IList<PortBinding>)[new PortBinding { HostIP = "127.0.0.1", HostPort = string.Empty }]);
        }

        Limit(host, spec.Limits, windows: spec.Isolation is not null);
        return host;
    }

    /// <summary>Lock-down (Linux) and the CPUs and memory every mode gets, as this engine's OS takes them.</summary>
    private static void Limit(HostConfig host, ContainerLimits limits, bool windows)
    {
        if (!windows)
        {
            if (limits.DropAllCapabilities)
            {
                host.CapDrop = ["ALL"];
            }

            if (SecurityOptions(limits) is { } securityOptions)
            {
                host.SecurityOpt = securityOptions;
            }

            host.PidsLimit = limits.PidsLimit;
        }

        // No memory limit (a nomemlimit variant, or ContainerLimits.None) is Memory 0, the engine's "unlimited"; this
        // adapter never sets a CPU quota (NanoCPUs, CpuQuota stay 0): a CPU limit is only the cpuset (Linux) or CPU count (Windows).
        host.Memory = limits.MemoryBytes ?? 0;

        if (limits.Cpus is { } cpus)
        {
            // Windows: a CPU count for process and hyperv alike (hyperv's utility VM would otherwise get 2 vCPUs,
            // process isolation every host CPU). Linux: the first N CPUs, the same cpuset the host baseline gets.
            if (windows)
            {
                host.CPUCount = cpus;
            }
            else
            {
                host.CpusetCpus = new Resources.ResourceRequest(cpus, 0).CpusetList;
            }
        }
    }

    /// <summary>
    /// HostConfig.SecurityOpt for Linux: no-new-privileges when asked; an unconfined variant adds seccomp=unconfined and
    /// apparmor=unconfined (the engine ignores the AppArmor option where it applies no profile). Null when there is none.
    /// </summary>
    internal static IList<string>? SecurityOptions(ContainerLimits limits)
    {
        var options = new List<string>();
        if (limits.NoNewPrivileges)
        {
            options.Add("no-new-privileges:true");
        }

        if (limits.SecurityUnconfined)
        {
            options.Add("seccomp=unconfined");
            options.Add("apparmor=unconfined");
        }

        return options.Count == 0 ? null : options;
    }

    public async Task<IContainerOutput> AttachAsync(string containerId, CancellationToken cancellationToken)
    {
        var stream = await Call(
            ct => _client.Containers.AttachContainerAsync(containerId, new ContainerAttachParameters { Stream = true, Stdout = true, Stderr = true }, ct),
            "attach to " + Short(containerId),
            cancellationToken).ConfigureAwait(false);
        return new DockerContainerOutput(stream);
    }

    /// <remarks>
    /// No per-call timeout: a Hyper-V utility VM can take longer than it to boot (nested virtualisation, Defender),
    /// and a slow start is a failed sample, not a lost engine. The caller bounds it with the mode's deadline.
    /// </remarks>
    public Task StartAsync(string containerId, CancellationToken cancellationToken) =>
        Call(
            async ct =>
            {
                await _client.Containers.StartContainerAsync(containerId, new ContainerStartParameters(), ct).ConfigureAwait(false);
                return true;
            },
            "start " + Short(containerId),
            cancellationToken,
            Timeout.InfiniteTimeSpan);

    public async Task<long> WaitAsync(string containerId, CancellationToken cancellationToken)
    {
        // No per-call timeout here: the caller bounds the container's life with its own (per-mode) deadline.
        try
        {
            var response = await _client.Containers.WaitContainerAsync(containerId, cancellationToken).ConfigureAwait(false);
            return response.StatusCode;
        }
        catch (Exception ex) when (Translate(ex, "wait for " + Short(containerId)) is { } translated)
        {
            throw translated;
        }
    }

    public async Task<ContainerStateFacts> InspectStateAsync(string containerId, CancellationToken cancellationToken)
    {
        var inspect = await Call(ct => _client.Containers.InspectContainerAsync(containerId, ct), "inspect " + Short(containerId), cancellationToken).ConfigureAwait(false);
        var state = inspect.State;
        return new ContainerStateFacts(state?.Status ?? "unknown", state?.ExitCode ?? -1, state?.OOMKilled ?? false, state?.Error ?? string.Empty);
    }

    public async Task<ContainerConfigFacts> InspectConfigAsync(string containerId, CancellationToken cancellationToken)
    {
        var inspect = await Call(ct => _client.Containers.InspectContainerAsync(containerId, ct), "inspect " + Short(containerId), cancellationToken).ConfigureAwait(false);
        var host = inspect.HostConfig;
        return new ContainerConfigFacts
        {
            Runtime = host?.Runtime ?? string.Empty,
            Isolation = host?.Isolation ?? string.Empty,
            CpusetCpus = host?.CpusetCpus ?? string.Empty,
            CpuCount = host?.CPUCount ?? 0,
            MemoryBytes = host?.Memory ?? 0,
            PidsLimit = host?.PidsLimit,
            CapDrop = host?.CapDrop is { } drop ? [.. drop] : [],
            SecurityOpt = host?.SecurityOpt is { } opt ? [.. opt] : [],
        };
    }

    public async Task<int> PublishedPortAsync(string containerId, int containerPort, CancellationToken cancellationToken)
    {
        var inspect = await Call(ct => _client.Containers.InspectContainerAsync(containerId, ct), "inspect " + Short(containerId), cancellationToken).ConfigureAwait(false);
        var bindings = inspect.NetworkSettings?.Ports is { } ports && ports.TryGetValue(PortKey(containerPort), out var b) ? b : null;
        var hostPort = bindings?.Select(x => x.HostPort).FirstOrDefault(p => !string.IsNullOrEmpty(p));
        return int.TryParse(hostPort, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? port
            : throw new EngineRequestException(string.Create(CultureInfo.InvariantCulture, $"{Short(containerId)} has no host port published for {containerPort}/tcp"), 500);
    }

    private static string PortKey(int containerPort) => containerPort.ToString(CultureInfo.InvariantCulture) + "/tcp";

    public async Task KillAsync(string containerId, CancellationToken cancellationToken)
    {
        try
        {
            await Call(ct => _client.Containers.KillContainerAsync(containerId, new ContainerKillParameters { Signal = "KILL" }, ct), "kill " + Short(containerId), cancellationToken).ConfigureAwait(false);
        }
        catch (EngineRequestException ex) when (ex.StatusCode is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.NotFound)
        {
            // Already stopped or gone: nothing to kill.
        }
    }

    public async Task RemoveAsync(string containerId, CancellationToken cancellationToken)
    {
        try
        {
            await Call(ct => _client.Containers.RemoveContainerAsync(containerId, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, ct), "remove " + Short(containerId), cancellationToken).ConfigureAwait(false);
        }
        catch (EngineRequestException ex) when (ex.StatusCode == (int)HttpStatusCode.NotFound)
        {
            // Already removed.
        }
    }

    public async Task<Stream> GetArchiveAsync(string containerId, string path, CancellationToken cancellationToken)
    {
        var response = await Call(
            ct => _client.Containers.GetArchiveFromContainerAsync(containerId, new ContainerPathStatParameters { Path = path }, false, ct),
            $"copy {path} out of {Short(containerId)}",
            cancellationToken).ConfigureAwait(false);
        return response.Stream ?? throw new EngineRequestException($"engine returned no archive for {path} in {Short(containerId)}", 500);
    }

    public async Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(string labelKey, string? labelValue, CancellationToken cancellationToken)
    {
        var filter = labelValue is null ? labelKey : labelKey + "=" + labelValue;
        var parameters = new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [filter] = true } },
        };
        var list = await Call(ct => _client.Containers.ListContainersAsync(parameters, ct), "list containers", cancellationToken).ConfigureAwait(false);
        return [.. list.Select(c => new ContainerSummary(c.ID, c.Image, c.State, c.Labels is null ? new Dictionary<string, string>() : new Dictionary<string, string>(c.Labels)))];
    }

    public async Task WatchContainerEventsAsync(string labelKey, string labelValue, DateTimeOffset since, Action<ContainerEvent> onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        var parameters = new ContainerEventsParameters
        {
            // Since replays what happened between this call and the engine registering the subscription.
            Since = since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["type"] = new Dictionary<string, bool> { ["container"] = true },
                ["label"] = new Dictionary<string, bool> { [labelKey + "=" + labelValue] = true },
                ["event"] = new Dictionary<string, bool> { ["create"] = true, ["start"] = true, ["die"] = true, ["destroy"] = true },
            },
        };
        try
        {
            await _client.System.MonitorEventsAsync(parameters, new InOrder(m => onEvent(new ContainerEvent(
                m.Actor?.ID ?? string.Empty,
                m.Action ?? string.Empty,
                // 0 when the engine sent no timeNano; the recorder drops such events.
                m.TimeNano ?? 0,
                m.Actor?.Attributes is { } a ? new Dictionary<string, string>(a, StringComparer.Ordinal) : new Dictionary<string, string>()))), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the caller: the stream is open-ended.
        }
        catch (Exception ex) when (Translate(ex, "stream /events") is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Progress&lt;T&gt; would post to the thread pool and could reorder events: report on the reading thread.</summary>
    private sealed class InOrder(Action<Message> report) : IProgress<Message>
    {
        public void Report(Message value) => report(value);
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<T> Call<T>(Func<CancellationToken, Task<T>> call, string what, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        CallCore(call, what, timeout ?? _callTimeout, cancellationToken);

    private Task<bool> Call(Func<CancellationToken, Task> call, string what, CancellationToken cancellationToken) =>
        CallCore(
            async ct =>
            {
                await call(ct).ConfigureAwait(false);
                return true;
            },
            what,
            _callTimeout,
            cancellationToken);

    private async Task<T> CallCore<T>(Func<CancellationToken, Task<T>> call, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await WithTimeout(_client, timeout, call, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, what) is { } translated)
        {
            throw translated;
        }
    }

    private static async Task<T> WithTimeout<T>(DockerClient client, TimeSpan timeout, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        _ = client;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            return await call(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"no answer within {timeout.TotalSeconds:0.#} s"));
        }
    }

    private Exception? Translate(Exception ex, string what) => ex switch
    {
        OperationCanceledException => null,
        EngineRequestException or EngineUnavailableException => null,
        DockerApiException api => new EngineRequestException($"engine refused to {what}: {ApiMessage(api)}", (int)api.StatusCode, api),
        TimeoutException t => new EngineUnavailableException($"engine at {Endpoint} did not {what}: {t.Message}; is dockerd alive?", ex),
        HttpRequestException or IOException or System.Net.Sockets.SocketException or UnauthorizedAccessException => Unreachable(Endpoint, ex),
        // The tcp:// transport's connect failure (a refused port) comes wrapped: AggregateException(SocketException).
        AggregateException { InnerExceptions.Count: 1 } aggregate => Translate(aggregate.InnerExceptions[0], what),
        _ => null,
    };

    private static EngineUnavailableException Unreachable(string endpoint, Exception ex) => new(UnreachableMessage(endpoint, Root(ex)), ex);

    /// <summary>
    /// The one-line reason an engine cannot be reached. A pipe that exists but refuses us is not a stopped service:
    /// dockerd's default pipe ACL admits Administrators and SYSTEM only, and its "group" setting adds one more.
    /// </summary>
    internal static string UnreachableMessage(string endpoint, Exception root) => root is UnauthorizedAccessException
        ? $"cannot open the container engine at {endpoint} (access denied): run elevated, or add your group in daemon.json (\"group\": \"...\") and restart the docker service"
        : $"cannot reach the container engine at {endpoint} ({Describe(root)}): start it (Linux: sudo tools/start-engine.sh; Windows: Start-Service docker) or set DOCKER_HOST";

    private static string ApiMessage(DockerApiException api)
    {
        var body = api.ResponseBody ?? string.Empty;
        const string key = "\"message\":\"";
        var at = body.IndexOf(key, StringComparison.Ordinal);
        if (at >= 0)
        {
            var end = body.IndexOf('"', at + key.Length);
            return end > at ? body[(at + key.Length)..end] : body;
        }

        return string.IsNullOrWhiteSpace(body) ? api.StatusCode.ToString() : body.Trim();
    }

    /// <summary>The innermost error in words; a connection the engine dropped surfaces as odd parser errors.</summary>
    private static string Describe(Exception root) => root switch
    {
        InvalidOperationException or FormatException => "the engine closed the connection",
        _ => root.Message.Split('\n')[0].Trim(),
    };

    private static Exception Root(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    private static string Short(string id) => id.Length > 12 ? id[..12] : id;

    /// <summary>
    /// Our side trusted the engine, yet TLS failed: the engine rejected our client certificate (a TLS alert, or the
    /// connection closed mid-handshake). A refused or timed-out connection (SocketException) is an engine that is not there.
    /// </summary>
    private static Exception? HandshakeFailed(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is System.Net.Sockets.SocketException)
            {
                return null;
            }

            if (e is System.Security.Authentication.AuthenticationException or IOException)
            {
                // "Authentication failed, see inner exception": the innermost one names the TLS alert.
                while (e.InnerException is { } inner)
                {
                    e = inner;
                }

                return e;
            }
        }

        return null;
    }

    /// <summary>Why the TLS handshake refused the engine's certificate (the HTTP error that follows does not say).</summary>
    private sealed class ServerRefusal
    {
        public string? Problem { get; set; }
    }
}
