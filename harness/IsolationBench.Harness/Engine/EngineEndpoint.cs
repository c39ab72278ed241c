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

    public override string ToString() => Uri.OriginalString;

    /// <summary>Resolves and validates the endpoint; throws <see cref="UsageException"/> with a one-line fix.</summary>
    public static EngineEndpoint Resolve(string? explicitEndpoint, string? dockerHost, bool isWindows, bool allowInsecureTcp)
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

        if (uri.Scheme is "tcp" or "http" && !allowInsecureTcp)
        {
            throw new UsageException($"engine endpoint '{raw}' ({source}) is plain TCP: an unauthenticated engine is root on that host; use a unix socket or named pipe, or pass --insecure-engine if you accept that");
        }

        if (uri.Scheme == "https")
        {
            throw new UsageException($"engine endpoint '{raw}' ({source}): TLS client certificates are not supported yet; reach the engine over its local socket (ssh to the host and run there)");
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
