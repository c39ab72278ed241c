using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Running;
using IsolationBench.Benchmarks.Guest.Benchmarks;
using IsolationBench.Benchmarks.Guest.Fio;

namespace IsolationBench.Benchmarks.Guest.Iperf3;

/// <summary>
/// Runs iperf3 (<see cref="Iperf3Commands"/>) right before or right after our TCP bulk benchmark in the same cage (our
/// network run is split around that benchmark, as the io run is around fio's operations) and leaves iperf3's client
/// JSON in &lt;artifacts&gt;/iperf3/TcpBulk64KiB.&lt;side&gt;.json. A cross-check, never a reason to fail the run: a missing
/// iperf3 leaves iperf3/missing.txt, a failing one iperf3/TcpBulk64KiB.failed.txt, a non-Linux guest iperf3/skipped.txt
/// (the Windows image has no iperf3); the exit code is the benchmarks' alone.
/// </summary>
public static class Iperf3CrossCheck
{
    public const string DirectoryName = "iperf3";
    public const string MissingFile = "missing.txt";
    public const string SkippedFile = "skipped.txt";

    /// <summary>Our benchmark iperf3 referees; its figures are named "iperf3." + this.</summary>
    public const string Metric = nameof(NetworkBenchmarks.TcpBulk64KiB);

    /// <summary>Connection attempts while the server starts listening (a refused connect does not use up its one test).</summary>
    private const int ConnectAttempts = 100;

    private static readonly TimeSpan ServerExitTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Which side of our bulk benchmark iperf3 runs on.</summary>
    public enum Side
    {
        Before,
        After,
    }

    /// <summary>The metric <paramref name="benchmark"/> measures when iperf3 referees it, else null.</summary>
    public static string? Refereed(BenchmarkCase benchmark)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        return benchmark.Descriptor.Type == typeof(NetworkBenchmarks) && benchmark.Descriptor.WorkloadMethod.Name == Metric ? Metric : null;
    }

    public static async Task RunAsync(GuestOptions options, Side side, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var output = Path.Combine(options.ArtifactsDir, DirectoryName);
        Directory.CreateDirectory(output);
        if (!OperatingSystem.IsLinux())
        {
            await FioCrossCheck.Note(output, SkippedFile, "iperf3 is Linux only (the Windows guest image has none); no iperf3 cross-check on " + Environment.OSVersion, log, cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var iperf3 = FioCrossCheck.FindOnPath("iperf3");
        if (iperf3 is null)
        {
            await FioCrossCheck.Note(output, MissingFile, "iperf3 not found on PATH; no iperf3 cross-check (apt-get install iperf3)", log, cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var name = Metric + "." + side.ToString().ToLowerInvariant();
        var port = FreeLoopbackPort();
        var client = Iperf3Commands.Client(port, Iperf3Commands.Seconds(options.Profile));
        await log.WriteLineAsync($"isobench-guest: iperf3 {name}: {string.Join(' ', client)}").ConfigureAwait(false);
        string? failure;
        try
        {
            using var server = Process.Start(Start(iperf3, Iperf3Commands.Server(port))) ?? throw new InvalidOperationException("iperf3 did not start");
            var serverErr = server.StandardError.ReadToEndAsync(cancellationToken);
            var serverOut = server.StandardOutput.ReadToEndAsync(cancellationToken);
            try
            {
                failure = await RunClientAsync(iperf3, client, server, Path.Combine(output, name + ".json"), cancellationToken).ConfigureAwait(false);
                if (failure is not null)
                {
                    // A server whose client never ran its test would wait for one forever (-1 serves one test).
                    if (!server.HasExited)
                    {
                        server.Kill(entireProcessTree: true);
                    }

                    await server.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                    failure += $"; server: {(await serverErr.ConfigureAwait(false) + await serverOut.ConfigureAwait(false)).Trim()}";
                }
                else
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    wait.CancelAfter(ServerExitTimeout);
                    await server.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = string.Create(CultureInfo.InvariantCulture, $"iperf3 server did not exit within {ServerExitTimeout.TotalSeconds:0} s after its test");
            }
            finally
            {
                if (!server.HasExited)
                {
                    server.Kill(entireProcessTree: true);
                }
            }
        }
        catch (Win32Exception ex)
        {
            failure = $"iperf3 could not be started ({ex.Message})";
        }

        if (failure is not null)
        {
            await FioCrossCheck.Note(output, name + ".failed.txt", failure, log, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the client until it connects (the server may not listen yet); saves its JSON; null or why it failed.</summary>
    private static async Task<string?> RunClientAsync(string iperf3, IReadOnlyList<string> arguments, Process server, string jsonPath, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var client = Process.Start(Start(iperf3, arguments)) ?? throw new InvalidOperationException("iperf3 did not start");
            var readOut = client.StandardOutput.ReadToEndAsync(cancellationToken);
            var readErr = client.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await client.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                client.Kill(entireProcessTree: true);
                throw;
            }

            var (stdout, stderr) = (await readOut.ConfigureAwait(false), await readErr.ConfigureAwait(false));
            // iperf3 3.12 -J exits 0 even when it could not connect: its JSON then carries "error".
            var refused = stdout.Contains("Connection refused", StringComparison.Ordinal) || stderr.Contains("Connection refused", StringComparison.Ordinal);
            if (!refused && client.ExitCode == 0 && stdout.TrimStart().StartsWith('{'))
            {
                // An "error" in the JSON (the test failed midway) is kept as it is: the converter makes it a failed sample.
                await File.WriteAllTextAsync(jsonPath, stdout.Trim() + "\n", cancellationToken).ConfigureAwait(false);
                return null;
            }

            if (!refused || attempt >= ConnectAttempts || server.HasExited)
            {
                return string.Create(CultureInfo.InvariantCulture, $"iperf3 client exited with {client.ExitCode} (attempt {attempt}): {(stderr + " " + stdout).Trim()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
        }
    }

    private static ProcessStartInfo Start(string executable, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>A port free on 127.0.0.1 now (the stack picks it); iperf3's server binds it right after.</summary>
    private static int FreeLoopbackPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
