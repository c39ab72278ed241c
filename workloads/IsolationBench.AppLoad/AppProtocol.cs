namespace IsolationBench.AppLoad;

/// <summary>
/// What the app service and its clients say to each other and to the harness. The service (isobench-guest serve-app)
/// writes <see cref="ReadyLine"/> " port=N" once Kestrel listens, then its isolation fingerprint as one JSON line (the
/// probe's protocol; it already serves while it collects it). isobench-guest app-client (the client inside the container)
/// writes <see cref="ClientUpLine"/> first, forwards the ready line, then <see cref="FirstResponseLine"/>, the forwarded
/// fingerprint line, <see cref="LoadLine"/> and one <see cref="LatencyLine"/> per histogram bucket, and <see cref="DoneLine"/>
/// last. A reader takes the fingerprint as the first line starting with <see cref="FingerprintStart"/>.
/// </summary>
public static class AppProtocol
{
    public const string ReadyLine = "ISOBENCH-READY";
    public const string ClientUpLine = "ISOBENCH-APP-CLIENT-UP";
    public const string FirstResponseLine = "ISOBENCH-APP-FIRST-RESPONSE";
    public const string LoadLine = "ISOBENCH-APP-LOAD";
    public const string LatencyLine = "ISOBENCH-APP-LATENCY";
    public const string DoneLine = "ISOBENCH-APP-DONE";

    /// <summary>How the fingerprint line starts (a JSON object); no other line does.</summary>
    public const string FingerprintStart = "{";

    /// <summary>GET: a small JSON object, serialized per request.</summary>
    public const string JsonPath = "/json";

    /// <summary>GET: the service's 4 KiB file, read from its disk per request (the container's own layer; the host's temp directory).</summary>
    public const string FilePath = "/file";

    /// <summary>POST: the service stops and exits 0.</summary>
    public const string QuitPath = "/quit";

    public const int FileBytes = 4096;
}
