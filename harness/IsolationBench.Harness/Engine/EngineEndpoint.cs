namespace IsolationBench.Harness.Engine;

/// <summary>Where the engine is: --engine, else DOCKER_HOST, else the platform default (unix socket / named pipe).</summary>
public sealed record EngineEndpoint(Uri Uri)
{
    public const string LinuxDefault = "unix:///var/run/docker.sock";
    public const string WindowsDefault = "npipe://./pipe/docker_engine";

    /// <summary>
    /// Short named-pipe connect timeouts are a known cause of flaky Windows clients (the daemon's pipe is busy
    /// while it serves another request): never less than this.
    /// </summary>
    public static readonly TimeSpan NamedPipeConnectTimeout = TimeSpan.FromSeconds(5);

    public bool IsNamedPipe => Uri.Scheme == "npipe";

    public bool IsUnixSocket => Uri.Scheme == "unix";

    public bool IsTcp => Uri.Scheme is "tcp" or "http" or "https";

    /// <summary>The TLS material of a tcp:// engine; null for a plain (--insecure-engine) or local endpoint.</summary>
    public EngineTls? Tls { get; init; }

    public override string ToString() => Uri.OriginalString;

    /// <summary>Resolves and validates the endpoint; throws <see cref="UsageException"/> with a one-line fix.</summary>
    public static EngineEndpoint Resolve(string? explicitEndpoint, string? dockerHost, bool isWindows, bool allowInsecureTcp) =>
        Resolve(explicitEndpoint, dockerHost, isWindows, allowInsecureTcp, null);

    /// <summary>
    /// As above, with TLS: a tcp:// (or https://) endpoint with TLS enabled in <paramref name="tls"/> loads and checks
    /// its files here, before anything connects. TLS never applies to a local socket or pipe; explicit --tls-* flags
    /// with one are a mistake and say so.
    /// </summary>
    public static EngineEndpoint Resolve(string? explicitEndpoint, string? dockerHost, bool isWindows, bool allowInsecureTcp, EngineTlsSettings? tls)
    {
        var raw = !string.IsNullOrWhiteSpace(explicitEndpoint) ? explicitEndpoint
            : !string.IsNullOrWhiteSpace(dockerHost) ? dockerHost
            : isWindows ? WindowsDefault : LinuxDefault;
        var source = !string.IsNullOrWhiteSpace(explicitEndpoint) ? "--engine" : !string.IsNullOrWhiteSpace(dockerHost) ? "DOCKER_HOST" : "default";

        raw = raw.Trim();
        if (raw.StartsWith("npipe:", StringComparison.OrdinalIgnoreCase))
        {
            raw = NormalisePipe(raw, source);
        }

        if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || uri.Scheme is not ("unix" or "npipe" or "tcp" or "http" or "https"))
        {
            throw new UsageException($"engine endpoint '{raw}' ({source}) is not valid: use unix:///var/run/docker.sock, npipe://./pipe/docker_engine or tcp://HOST:2376");
        }

        if (uri.Scheme == "unix" && uri.AbsolutePath.Length <= 1)
        {
            throw new UsageException($"engine endpoint '{raw}' ({source}) names no socket path: use unix:///var/run/docker.sock");
        }

        if (uri.Scheme is "unix" or "npipe")
        {
            if (tls is { HasFlags: true })
            {
                throw new UsageException($"--tls-ca/--tls-cert/--tls-key apply to a tcp:// engine, not to '{raw}' ({source}): drop them or use --engine tcp://HOST:2376");
            }

            return new EngineEndpoint(uri);
        }

        if (tls is { Enabled: true } && uri.Scheme is "tcp" or "https")
        {
            // tcp:// stays tcp://: the client turns it into https because it has TLS credentials.
            return new EngineEndpoint(new Uri("tcp://" + uri.Authority)) { Tls = tls.Load() };
        }

        if (uri.Scheme == "https")
        {
            throw new UsageException($"engine endpoint '{raw}' ({source}) is TLS but no certificates were given: pass --tls-ca/--tls-cert/--tls-key or set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH");
        }

        if (!allowInsecureTcp)
        {
            throw new UsageException($"engine endpoint '{raw}' ({source}) is plain TCP: an unauthenticated engine is root on that host; give it client certificates (--tls-ca/--tls-cert/--tls-key, or DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH), use a unix socket or named pipe, or pass --insecure-engine if you accept that");
        }

        return new EngineEndpoint(uri);
    }

    /// <summary>
    /// The Docker CLI and Docker Desktop contexts write npipe:////./pipe/NAME (four slashes; backslashes also occur);
    /// the named-pipe transport needs npipe://SERVER/pipe/NAME.
    /// </summary>
    private static string NormalisePipe(string raw, string source)
    {
        var parts = raw["npipe:".Length..].Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not [var server, var pipe, var name] || !string.Equals(pipe, "pipe", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"engine endpoint '{raw}' ({source}) is not a named pipe of the form npipe://./pipe/docker_engine (SERVER/pipe/NAME)");
        }

        return $"npipe://{server}/pipe/{name}";
    }
}
