using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using IsolationBench.Harness.Tests.Tls;
using Xunit.Abstractions;

namespace IsolationBench.Harness.Tests.Integration;

/// <summary>
/// Issue 19: a second, real dockerd on this machine listening on tcp://127.0.0.1:PORT with --tlsverify and
/// certificates this test generates (CA, server for 127.0.0.1, client). isobench reaches it the way the Docker CLI
/// would (DOCKER_TLS_VERIFY/DOCKER_CERT_PATH, or --tls-*), runs a small startup run through it, and refuses a
/// client certificate of another CA, a server of another CA and plain TCP, each with one line and exit 2.
/// The engine is private (<see cref="PrivateDockerd"/>): its directory, processes and mounts go with it.
/// </summary>
[Collection(RealEngineCollection.Name)]
public sealed class RemoteTlsEngineTests(ITestOutputHelper output)
{
    private static readonly string Isobench = Path.Combine(AppContext.BaseDirectory, "isobench.dll");

    [SkippableFact]
    public async Task A_second_dockerd_over_TLS_runs_with_client_certificates_and_refuses_strangers_and_plain_tcp()
    {
        using var temp = new TempRoot();
        using var pki = new TestPki();
        using var stranger = new TestPki("stranger CA");
        var server = Directory.CreateDirectory(Path.Combine(temp.Path, "server")).FullName;
        pki.WriteCa(Path.Combine(server, "ca.pem"));
        // This machine's own non-loopback address stands in for another machine's: reached there, the engine is remote.
        var lan = LanAddress.NonLoopback();
        pki.WriteServer(Path.Combine(server, "server-cert.pem"), Path.Combine(server, "server-key.pem"), lan is null ? [] : [lan]);
        var client = pki.WriteCertDirectory(Path.Combine(temp.Path, "client"));
        var strangers = stranger.WriteCertDirectory(Path.Combine(temp.Path, "stranger"));
        var port = FreePort();
        var endpoint = string.Create(CultureInfo.InvariantCulture, $"tcp://127.0.0.1:{port}");
        var remote = lan is null ? null : string.Create(CultureInfo.InvariantCulture, $"tcp://{lan}:{port}");

        await using var dockerd = await PrivateDockerd.StartNewAsync(_ =>
        [
            "-H", endpoint,
            .. remote is null ? Array.Empty<string>() : ["-H", remote],
            "--tlsverify",
            "--tlscacert", Path.Combine(server, "ca.pem"),
            "--tlscert", Path.Combine(server, "server-cert.pem"),
            "--tlskey", Path.Combine(server, "server-key.pem"),
        ]);

        // 1. As the Docker CLI is configured: DOCKER_TLS_VERIFY + DOCKER_CERT_PATH, no flags.
        var cliEnvironment = new Dictionary<string, string> { ["DOCKER_TLS_VERIFY"] = "1", ["DOCKER_CERT_PATH"] = client };
        var doctor = await RunAsync(cliEnvironment, "doctor", "--engine", endpoint);
        Assert.True(doctor.Exit == 0, doctor.Err + doctor.Out);
        Assert.Contains($"engine     {endpoint}: Docker ", doctor.Out, StringComparison.Ordinal);

        // 2. A startup run through it, the files named explicitly.
        var run = await RunAsync([], "run", "--engine", endpoint, "--tls-ca", Path.Combine(client, "ca.pem"), "--tls-cert", Path.Combine(client, "cert.pem"),
            "--tls-key", Path.Combine(client, "key.pem"), "--modes", "runc", "--workloads", "startup", "--samples", "3", "--warmup", "0",
            "--output", temp.Path, "--run-id", "it-tls", "--no-report");
        Assert.True(run.Exit == 0, run.Err + run.Out + dockerd.LogTail());
        var samples = File.ReadAllLines(Path.Combine(temp.Path, "it-tls", "samples.csv"));
        Assert.Contains(samples, l => l.Contains(",runc,startup,total,", StringComparison.Ordinal));

        // 2b. The same engine reached as a remote one: no host mode, containers verified against its /info, its
        // host-side workloads refused in one line.
        if (remote is not null)
        {
            var tls = new[] { "--engine", remote, "--tls-ca", Path.Combine(client, "ca.pem"), "--tls-cert", Path.Combine(client, "cert.pem"), "--tls-key", Path.Combine(client, "key.pem") };
            var far = await RunAsync([], ["run", .. tls, "--modes", "runc", "--workloads", "startup", "--samples", "2", "--warmup", "0",
                "--output", temp.Path, "--run-id", "it-tls-remote", "--no-report"]);
            Assert.True(far.Exit == 0, far.Err + far.Out + dockerd.LogTail());
            var manifest = new IsolationBench.Results.RunDirectory(Path.Combine(temp.Path, "it-tls-remote")).ReadManifest();
            Assert.True(manifest.Engine!.Remote);
            Assert.DoesNotContain(manifest.Modes, m => m.Name == "host");
            Assert.All(IsolationBench.Results.SampleCsv.Read(Path.Combine(temp.Path, "it-tls-remote", "samples.csv")), s => Assert.True(s.IsOk, s.Status));
            AssertOneLineUsageError(await RunAsync([], ["run", .. tls, "--modes", "runc", "--workloads", "density", "--output", temp.Path, "--run-id", "it-tls-density"]), "is on another machine");
            Assert.False(Directory.Exists(Path.Combine(temp.Path, "it-tls-density")));
        }

        // 3. A client certificate of another CA: the engine refuses the handshake.
        var wrongClient = await RunAsync([], "doctor", "--engine", endpoint, "--tls-ca", Path.Combine(client, "ca.pem"),
            "--tls-cert", Path.Combine(strangers, "cert.pem"), "--tls-key", Path.Combine(strangers, "key.pem"));
        AssertOneLineUsageError(wrongClient, "refused the TLS handshake");

        // 4. An engine whose certificate our CA did not sign: we refuse it.
        var wrongServer = await RunAsync([], "doctor", "--engine", endpoint, "--tls-ca", Path.Combine(strangers, "ca.pem"),
            "--tls-cert", Path.Combine(client, "cert.pem"), "--tls-key", Path.Combine(client, "key.pem"));
        AssertOneLineUsageError(wrongServer, "is not signed by CA '" + Path.Combine(strangers, "ca.pem") + "' (--tls-ca)");

        // 5. Plain TCP: refused before anything is sent, and with --insecure-engine the TLS engine does not answer plain HTTP.
        AssertOneLineUsageError(await RunAsync([], "doctor", "--engine", endpoint), "is plain TCP");
        var insecure = await RunAsync([], "clean", "--engine", endpoint, "--insecure-engine");
        AssertOneLineUsageError(insecure, $"the engine at {endpoint} speaks TLS: give it certificates");
    }

    private void AssertOneLineUsageError((int Exit, string Out, string Err) result, string expected)
    {
        output.WriteLine(result.Err);
        Assert.True(result.Exit == 2, $"exit {result.Exit}: {result.Err}{result.Out}");
        var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, result.Err);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<(int Exit, string Out, string Err)> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RealEngine.Layout.Root };
        info.ArgumentList.Add(Isobench);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        // Only what this test names reaches the engine: no DOCKER_HOST, no TLS settings of whoever runs the tests.
        foreach (var name in new[] { "DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await p.WaitForExitAsync(bound.Token);
        var result = (p.ExitCode, await stdout, await stderr);
        output.WriteLine($"isobench {string.Join(' ', args)} → {result.ExitCode}");
        return result;
    }
}
