using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Tests.Integration;

namespace IsolationBench.Harness.Tests.Tls;

/// <summary>TLS settings read as the Docker CLI reads them, and every bad file refused before anything connects.</summary>
public sealed class EngineTlsTests : IDisposable
{
    private const string Remote = "tcp://127.0.0.1:2376";
    private readonly TempRoot _root = new();
    private readonly TestPki _pki = new();

    private string Dir(string name) => Path.Combine(_root.Path, name);

    private EngineTlsSettings Settings(string? ca = null, string? cert = null, string? key = null, string? verify = null, string? certPath = null, DateTimeOffset? now = null) =>
        new(ca, cert, key, verify, certPath, Dir("home"), now ?? DateTimeOffset.UtcNow);

    private static EngineEndpoint Resolve(EngineTlsSettings tls, string endpoint = Remote, bool insecure = false) =>
        EngineEndpoint.Resolve(endpoint, null, isWindows: false, insecure, tls);

    private static UsageException Refused(EngineTlsSettings tls, string endpoint = Remote) =>
        Assert.Throws<UsageException>(() => Resolve(tls, endpoint));

    [Fact]
    public void DockerTlsVerifyWithCertPathReadsCaCertAndKeyFromThatDirectory()
    {
        var certs = _pki.WriteCertDirectory(Dir("certs"));

        var endpoint = Resolve(Settings(verify: "1", certPath: certs));

        Assert.NotNull(endpoint.Tls);
        Assert.Equal(Path.Combine(certs, "ca.pem"), endpoint.Tls.CaFile.Path);
        Assert.True(endpoint.Tls.Client.HasPrivateKey);
        Assert.Equal("tcp", endpoint.Uri.Scheme);
    }

    [Fact]
    public void WithoutCertPathTheHomeDockerDirectoryIsUsedAsTheCliDoes()
    {
        _pki.WriteCertDirectory(Path.Combine(Dir("home"), ".docker"));

        var endpoint = Resolve(Settings(verify: "1"));

        Assert.Equal(Path.Combine(Dir("home"), ".docker", "cert.pem"), endpoint.Tls!.CertFile.Path);
    }

    [Fact]
    public void AnExplicitFileWinsOverTheCertDirectory()
    {
        var certs = _pki.WriteCertDirectory(Dir("certs"));
        using var other = new TestPki("another CA");
        other.WriteCa(Dir("other-ca.pem"));

        var endpoint = Resolve(Settings(ca: Dir("other-ca.pem"), verify: "1", certPath: certs));

        Assert.Equal(Dir("other-ca.pem"), endpoint.Tls!.CaFile.Path);
        Assert.Equal("--tls-ca", endpoint.Tls.CaFile.Source);
        Assert.Equal(other.Authority.Thumbprint, endpoint.Tls.Authority.Thumbprint);
        Assert.Equal(Path.Combine(certs, "cert.pem"), endpoint.Tls.CertFile.Path);
    }

    [Fact]
    public void ExplicitFlagsAloneTurnTlsOn()
    {
        _pki.WriteCa(Dir("ca.pem"));
        _pki.WriteClient(Dir("c.pem"), Dir("k.pem"));

        var endpoint = Resolve(Settings(ca: Dir("ca.pem"), cert: Dir("c.pem"), key: Dir("k.pem")));

        Assert.NotNull(endpoint.Tls);
    }

    [Fact]
    public void PlainTcpWithoutCertificatesStillNeedsInsecureEngine()
    {
        var ex = Refused(Settings());
        Assert.Contains("--insecure-engine", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--tls-ca", ex.Message, StringComparison.Ordinal);
        Assert.Null(Resolve(Settings(), insecure: true).Tls);
    }

    [Fact]
    public void HttpsWithoutCertificatesIsRefused()
    {
        var ex = Refused(Settings(), "https://127.0.0.1:2376");
        Assert.Contains("no certificates", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TlsFlagsWithALocalSocketAreAMistakeButTheEnvironmentIsIgnoredThere()
    {
        var ex = Refused(Settings(ca: Dir("ca.pem")), "unix:///var/run/docker.sock");
        Assert.Contains("tcp://", ex.Message, StringComparison.Ordinal);
        Assert.Null(Resolve(Settings(verify: "1", certPath: Dir("nowhere")), "unix:///var/run/docker.sock").Tls);
    }

    [Theory]
    [InlineData("ca.pem", "CA certificate")]
    [InlineData("cert.pem", "client certificate")]
    [InlineData("key.pem", "client key")]
    public void AMissingFileIsNamedWithWhereItCameFrom(string file, string what)
    {
        var certs = _pki.WriteCertDirectory(Dir("certs"));
        File.Delete(Path.Combine(certs, file));

        var ex = Refused(Settings(verify: "1", certPath: certs));

        Assert.Contains($"TLS {what} '{Path.Combine(certs, file)}' (DOCKER_CERT_PATH) does not exist", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void ACertificateThatIsNotPemIsNamed()
    {
        var certs = _pki.WriteCertDirectory(Dir("certs"));
        File.WriteAllText(Path.Combine(certs, "cert.pem"), "not a certificate");

        var ex = Refused(Settings(verify: "1", certPath: certs));

        Assert.Contains("cert.pem' (DOCKER_CERT_PATH) is not a PEM certificate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyThatIsNotPemIsNamed()
    {
        var certs = _pki.WriteCertDirectory(Dir("certs"));
        File.WriteAllText(Path.Combine(certs, "key.pem"), File.ReadAllText(Path.Combine(certs, "cert.pem")));

        var ex = Refused(Settings(verify: "1", certPath: certs));

        Assert.Contains("key.pem' (DOCKER_CERT_PATH) is not a PEM private key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyOfAnotherCertificateIsRefused()
    {
        var certs = _pki.WriteCertDirectory(Dir("certs"));
        _pki.WriteClient(Dir("other-cert.pem"), Dir("other-key.pem"));

        var ex = Refused(Settings(key: Dir("other-key.pem"), verify: "1", certPath: certs));

        Assert.Contains($"'{Dir("other-key.pem")}' (--tls-key) does not belong to the client certificate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExpiredClientCertificateIsRefusedWithItsDate()
    {
        var certs = _pki.WriteCertDirectory(Dir("certs"));
        var expiry = new DateTimeOffset(2026, 1, 2, 3, 4, 0, TimeSpan.Zero);
        _pki.WriteClient(Path.Combine(certs, "cert.pem"), Path.Combine(certs, "key.pem"), expiry.AddDays(-10), expiry);

        var ex = Refused(Settings(verify: "1", certPath: certs, now: expiry.AddMinutes(1)));

        Assert.Contains("expired on 2026-01-02 03:04 UTC", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(Resolve(Settings(verify: "1", certPath: certs, now: expiry.AddMinutes(-1))).Tls);
    }

    [Fact]
    public void TheServerMustChainToTheGivenCaNotToAnyOther()
    {
        var tls = Resolve(Settings(verify: "1", certPath: _pki.WriteCertDirectory(Dir("certs")))).Tls!;
        _pki.WriteServer(Dir("server.pem"), Dir("server-key.pem"));
        using var stranger = new TestPki("stranger CA");
        stranger.WriteServer(Dir("stranger.pem"), Dir("stranger-key.pem"));
        using var ours = X509Certificate2.CreateFromPem(File.ReadAllText(Dir("server.pem")));
        using var theirs = X509Certificate2.CreateFromPem(File.ReadAllText(Dir("stranger.pem")));

        Assert.True(tls.VerifyServer("127.0.0.1", ours, SslPolicyErrors.RemoteCertificateChainErrors, out var none));
        Assert.Null(none);
        Assert.False(tls.VerifyServer("127.0.0.1", theirs, SslPolicyErrors.RemoteCertificateChainErrors, out var problem));
        Assert.Contains("the engine's certificate (CN=127.0.0.1) is not signed by CA '", problem, StringComparison.Ordinal);
        Assert.False(tls.VerifyServer("10.0.0.9", ours, SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors, out var name));
        Assert.Contains("does not name 10.0.0.9", name, StringComparison.Ordinal);
        Assert.False(tls.VerifyServer("127.0.0.1", null, SslPolicyErrors.RemoteCertificateNotAvailable, out _));
    }

    [Fact]
    public void OnlyExplicitFilesArePassedToAChildProcessAsAbsolutePaths()
    {
        Assert.Empty(Settings(verify: "1").ToArguments());
        Assert.Equal(["--tls-ca", Path.GetFullPath("ca.pem"), "--tls-key", "/k.pem"], Settings(ca: "ca.pem", key: "/k.pem").ToArguments());
    }

    public void Dispose()
    {
        _pki.Dispose();
        _root.Dispose();
    }
}
