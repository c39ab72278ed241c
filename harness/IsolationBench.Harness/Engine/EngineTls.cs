using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IsolationBench.Harness.Engine;

/// <summary>
/// A tcp:// engine's TLS material, checked before anything connects: the CA the engine's certificate must be
/// signed by, and the client certificate with its key.
/// </summary>
public sealed class EngineTls
{
    private EngineTls(TlsFile ca, TlsFile cert, X509Certificate2 authority, X509Certificate2 client)
    {
        CaFile = ca;
        CertFile = cert;
        Authority = authority;
        Client = client;
    }

    public TlsFile CaFile { get; }

    public TlsFile CertFile { get; }

    public X509Certificate2 Authority { get; }

    /// <summary>The client certificate with its private key.</summary>
    public X509Certificate2 Client { get; }

    /// <summary>Throws <see cref="UsageException"/> naming the file: missing, unreadable, not PEM, key not the cert's, expired.</summary>
    public static EngineTls Load(TlsFile ca, TlsFile cert, TlsFile key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ca);
        ArgumentNullException.ThrowIfNull(cert);
        ArgumentNullException.ThrowIfNull(key);
        var authority = ReadCertificate(ca, "CA certificate");
        var certificate = ReadCertificate(cert, "client certificate");
        var keyText = ReadText(key, "client key");
        if (!IsKeyPem(keyText))
        {
            throw new UsageException($"TLS client key {key} is not a PEM private key (-----BEGIN PRIVATE KEY-----, RSA or EC): pass the key.pem of the client certificate");
        }

        X509Certificate2 client;
        try
        {
            using var ephemeral = X509Certificate2.CreateFromPem(File.ReadAllText(cert.Path), keyText);
            // An exported-and-reloaded key is usable by SslStream on every platform (Windows refuses ephemeral keys).
            client = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw new UsageException($"TLS client key {key} does not belong to the client certificate {cert}: pass the key the certificate was issued for");
        }

        if (certificate.NotAfter.ToUniversalTime() < now.UtcDateTime)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"TLS client certificate {cert} expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC: issue a new one from the engine's CA"));
        }

        if (certificate.NotBefore.ToUniversalTime() > now.UtcDateTime)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"TLS client certificate {cert} is not valid before {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC: check this machine's clock"));
        }

        certificate.Dispose();
        return new EngineTls(ca, cert, authority, client);
    }

    /// <summary>
    /// Whether the engine's certificate chains to our CA alone (not the machine's trust store) and names the host
    /// we dialled; <paramref name="problem"/> is the one-line reason when it does not.
    /// </summary>
    public bool VerifyServer(string host, X509Certificate? presented, SslPolicyErrors errors, out string? problem)
    {
        if (presented is null)
        {
            problem = $"the engine at {host} presented no TLS certificate";
            return false;
        }

        using var server = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        // Docker's own CAs publish no revocation lists.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (!chain.Build(server))
        {
            var statuses = chain.ChainStatus.Select(s => s.Status).ToHashSet();
            problem = statuses.Contains(X509ChainStatusFlags.NotTimeValid)
                ? string.Create(CultureInfo.InvariantCulture, $"the engine's certificate ({server.Subject}) is expired or not yet valid (valid {server.NotBefore.ToUniversalTime():yyyy-MM-dd} to {server.NotAfter.ToUniversalTime():yyyy-MM-dd} UTC)")
                : $"the engine's certificate ({server.Subject}) is not signed by CA {CaFile}: pass the CA that issued the engine's certificate";
            return false;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            problem = $"the engine's certificate ({server.Subject}) does not name {host} in its subjectAltName: connect by a name or IP the certificate lists";
            return false;
        }

        problem = null;
        return true;
    }

    private static X509Certificate2 ReadCertificate(TlsFile file, string what)
    {
        var text = ReadText(file, what);
        try
        {
            return X509Certificate2.CreateFromPem(text);
        }
        catch (CryptographicException)
        {
            throw new UsageException($"TLS {what} {file} is not a PEM certificate (-----BEGIN CERTIFICATE-----): pass the right file");
        }
    }

    private static string ReadText(TlsFile file, string what)
    {
        if (!File.Exists(file.Path))
        {
            throw new UsageException($"TLS {what} {file} does not exist: pass --tls-ca/--tls-cert/--tls-key or set DOCKER_CERT_PATH to the directory with ca.pem, cert.pem and key.pem");
        }

        try
        {
            return File.ReadAllText(file.Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"TLS {what} {file} cannot be read ({ex.Message}): check its permissions");
        }
    }

    private static bool IsKeyPem(string text)
    {
        foreach (var create in new Func<AsymmetricAlgorithm>[] { RSA.Create, ECDsa.Create })
        {
            using var algorithm = create();
            try
            {
                algorithm.ImportFromPem(text);
                return true;
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                // Not this kind of key.
            }
        }

        return false;
    }
}
