using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IsolationBench.Harness.Tests.Tls;

/// <summary>
/// A throw-away certificate authority for tests, as Docker's TLS guide builds one with openssl: a CA, a server
/// certificate for 127.0.0.1 (serverAuth) and client certificates (clientAuth), written as PEM files.
/// </summary>
internal sealed class TestPki : IDisposable
{
    private readonly ECDsa _caKey;

    public TestPki(string name = "isobench test CA")
    {
        _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, _caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    public X509Certificate2 Authority { get; }

    public void WriteCa(string path) => File.WriteAllText(path, Authority.ExportCertificatePem());

    /// <summary>A server certificate naming 127.0.0.1 and <paramref name="alsoFor"/> (dockerd's --tlscert/--tlskey).</summary>
    public void WriteServer(string certPath, string keyPath, params IPAddress[] alsoFor) =>
        Issue("CN=127.0.0.1", certPath, keyPath, server: true, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), alsoFor);

    /// <summary>A client certificate (the CLI's cert.pem/key.pem); validity is the caller's to choose.</summary>
    public void WriteClient(string certPath, string keyPath, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null) =>
        Issue("CN=isobench client", certPath, keyPath, server: false, notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddDays(30));

    /// <summary>A CA directory as DOCKER_CERT_PATH expects it: ca.pem, cert.pem, key.pem.</summary>
    public string WriteCertDirectory(string directory)
    {
        Directory.CreateDirectory(directory);
        WriteCa(Path.Combine(directory, "ca.pem"));
        WriteClient(Path.Combine(directory, "cert.pem"), Path.Combine(directory, "key.pem"));
        return directory;
    }

    private void Issue(string subject, string certPath, string keyPath, bool server, DateTimeOffset notBefore, DateTimeOffset notAfter, IPAddress[]? alsoFor = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            foreach (var address in alsoFor ?? [])
            {
                names.AddIpAddress(address);
            }
            request.CertificateExtensions.Add(names.Build());
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Authority, true, false));
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7f;
        using var certificate = request.Create(Authority.SubjectName, X509SignatureGenerator.CreateForECDsa(_caKey), notBefore, notAfter, serial);
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public void Dispose()
    {
        Authority.Dispose();
        _caKey.Dispose();
    }
}
