using IsolationBench.Cli.CommandLine;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Cli.Commands;

/// <summary>The TLS options of every command that takes --engine (one list, so they cannot drift apart).</summary>
internal static class EngineTlsOptions
{
    public static readonly IReadOnlyList<OptionSpec> Specs =
    [
        new("--tls-ca", false, "CA that signed a tcp:// engine's certificate (default: DOCKER_CERT_PATH or ~/.docker ca.pem, with DOCKER_TLS_VERIFY)") { ValueName = "FILE" },
        new("--tls-cert", false, "client certificate for a tcp:// engine (default: cert.pem beside the CA)") { ValueName = "FILE" },
        new("--tls-key", false, "client certificate's private key (default: key.pem beside the CA)") { ValueName = "FILE" },
    ];

    /// <summary>The flags given (explicit wins per file) over DOCKER_TLS_VERIFY/DOCKER_CERT_PATH.</summary>
    public static EngineTlsSettings From(ParsedArguments args) =>
        EngineTlsSettings.FromEnvironment(args.String("--tls-ca"), args.String("--tls-cert"), args.String("--tls-key"));
}
