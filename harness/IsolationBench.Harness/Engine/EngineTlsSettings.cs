namespace IsolationBench.Harness.Engine;

/// <summary>
/// Where a tcp:// engine's TLS files come from, read the way the Docker CLI reads them: --tls-ca/--tls-cert/--tls-key
/// (each wins over the directory), else DOCKER_CERT_PATH (default ~/.docker) with ca.pem, cert.pem and key.pem.
/// TLS is on when any --tls-* flag is given or DOCKER_TLS_VERIFY is set to anything non-empty (as the CLI does);
/// the server is always verified against the CA.
/// </summary>
public sealed record EngineTlsSettings(
    string? Ca,
    string? Cert,
    string? Key,
    string? DockerTlsVerify,
    string? DockerCertPath,
    string HomeDirectory,
    DateTimeOffset Now)
{
    /// <summary>No flags; DOCKER_TLS_VERIFY/DOCKER_CERT_PATH and the clock of this process.</summary>
    public static EngineTlsSettings FromEnvironment(string? ca = null, string? cert = null, string? key = null) => new(
        ca,
        cert,
        key,
        Environment.GetEnvironmentVariable("DOCKER_TLS_VERIFY"),
        Environment.GetEnvironmentVariable("DOCKER_CERT_PATH"),
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        DateTimeOffset.UtcNow);

    public bool HasFlags => !string.IsNullOrWhiteSpace(Ca) || !string.IsNullOrWhiteSpace(Cert) || !string.IsNullOrWhiteSpace(Key);

    public bool Enabled => HasFlags || !string.IsNullOrEmpty(DockerTlsVerify);

    /// <summary>The directory the unnamed files are taken from, and how the user named it.</summary>
    public (string Directory, string Source) CertDirectory => !string.IsNullOrWhiteSpace(DockerCertPath)
        ? (DockerCertPath, "DOCKER_CERT_PATH")
        : (Path.Combine(HomeDirectory, ".docker"), "DOCKER_CERT_PATH default ~/.docker");

    /// <summary>Reads and checks the three files; throws <see cref="UsageException"/> naming the file and the problem.</summary>
    public EngineTls Load()
    {
        var ca = Pick(Ca, "--tls-ca", "ca.pem");
        var cert = Pick(Cert, "--tls-cert", "cert.pem");
        var key = Pick(Key, "--tls-key", "key.pem");
        return EngineTls.Load(ca, cert, key, Now);
    }

    private TlsFile Pick(string? flag, string flagName, string fileName)
    {
        if (!string.IsNullOrWhiteSpace(flag))
        {
            return new TlsFile(Path.GetFullPath(flag), flagName);
        }

        var (directory, source) = CertDirectory;
        return new TlsFile(Path.GetFullPath(Path.Combine(directory, fileName)), source);
    }

    /// <summary>The arguments that hand the explicit files to a child process (the environment is inherited anyway).</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var args = new List<string>();
        foreach (var (flag, value) in new[] { ("--tls-ca", Ca), ("--tls-cert", Cert), ("--tls-key", Key) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                args.Add(flag);
                args.Add(Path.GetFullPath(value));
            }
        }

        return args;
    }
}

/// <summary>One TLS file and the flag or variable that named it (for the one-line errors).</summary>
public sealed record TlsFile(string Path, string Source)
{
    public override string ToString() => $"'{Path}' ({Source})";
}
