using System.Diagnostics;
using System.Globalization;
using System.Net;
using IsolationBench.AppLoad;

namespace IsolationBench.Benchmarks.Guest.App;

/// <summary>
/// <c>isobench-guest app-client --duration SECONDS [--concurrency N]</c>: the app workload's client INSIDE the container,
/// for a mode without a network to publish a port through (runsc here). Writes <see cref="AppProtocol.ClientUpLine"/>
/// first (its own runtime is up), starts <c>serve-app</c> on 127.0.0.1 as a child process and forwards its ready line,
/// then runs the harness's client (<see cref="AppClient"/>) over loopback — the first response, the service's fingerprint
/// line forwarded, the load — and writes its results as lines
/// (<see cref="AppProtocol"/>); the harness reads them from the container's output with its own clock.
/// Exit codes: 0 measured, 1 a failure (the service did not come up, a socket error), 2 bad command line.
/// </summary>
public static class AppClientMode
{
    public const string Usage = "usage: isobench-guest app-client --duration SECONDS [--concurrency N]";

    private static readonly TimeSpan UpTimeout = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (Parse(args) is not { } plan)
        {
            await stderr.WriteLineAsync("isobench-guest: " + Usage).ConfigureAwait(false);
            return 2;
        }

        await Line(stdout, AppProtocol.ClientUpLine).ConfigureAwait(false);
        var info = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("no process path"))
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["serve-app", "--port", "0", "--bind", "127.0.0.1"])
        {
            info.ArgumentList.Add(argument);
        }

        using var service = Process.Start(info) ?? throw new InvalidOperationException("serve-app did not start");
        try
        {
            using var up = new CancellationTokenSource(UpTimeout);
            var ready = await service.StandardOutput.ReadLineAsync(up.Token).ConfigureAwait(false);
            const string Prefix = AppProtocol.ReadyLine + " port=";
            if (ready is null || !ready.StartsWith(Prefix, StringComparison.Ordinal)
                || !int.TryParse(ready.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                await stderr.WriteLineAsync($"isobench-guest: app-client: serve-app did not come up (its first line: \"{ready}\")").ConfigureAwait(false);
                return 1;
            }

            // Ready forwarded and the first request sent at once; the service's fingerprint line (written after its ready
            // line, while it already serves) is forwarded after the first response, so that its collection is in no phase.
            await Line(stdout, ready).ConfigureAwait(false);
            var server = new IPEndPoint(IPAddress.Loopback, port);
            var attempts = await Task.Factory.StartNew(() => AppClient.FirstResponse(server, UpTimeout, CancellationToken.None), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            await Line(stdout, string.Create(CultureInfo.InvariantCulture, $"{AppProtocol.FirstResponseLine} attempts={attempts}")).ConfigureAwait(false);
            if (await service.StandardOutput.ReadLineAsync(up.Token).ConfigureAwait(false) is not { } fingerprint)
            {
                await stderr.WriteLineAsync("isobench-guest: app-client: serve-app wrote no fingerprint line").ConfigureAwait(false);
                return 1;
            }

            await Line(stdout, fingerprint).ConfigureAwait(false);
            var result = await Task.Factory.StartNew(() => AppClient.Load(server, plan, CancellationToken.None), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            await Line(stdout, FormatLoad(result)).ConfigureAwait(false);
            foreach (var (from, to, count) in result.Latencies.Buckets())
            {
                await stdout.WriteAsync(AppProtocol.LatencyLine + " " + LatencyHistogram.FormatBucket(from, to, count) + "\n").ConfigureAwait(false);
            }

            AppClient.Stop(server);
            await service.WaitForExitAsync(up.Token).ConfigureAwait(false);
            await Line(stdout, string.Create(CultureInfo.InvariantCulture, $"{AppProtocol.DoneLine} service_exit={service.ExitCode}")).ConfigureAwait(false);
            return service.ExitCode == 0 ? 0 : 1;
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            await stderr.WriteLineAsync($"isobench-guest: app-client: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            if (!service.HasExited)
            {
                service.Kill();
            }
        }
    }

    /// <summary>The load's summary line: requests, errors, elapsed seconds (round-trip format, invariant).</summary>
    public static string FormatLoad(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Create(CultureInfo.InvariantCulture, $"{AppProtocol.LoadLine} requests={result.Requests} errors={result.Errors} seconds={result.Elapsed.TotalSeconds:R}");
    }

    internal static LoadPlan? Parse(IReadOnlyList<string> args)
    {
        var concurrency = LoadPlan.DefaultConcurrency;
        double? seconds = null;
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                return null;
            }

            switch (args[i])
            {
                case "--duration" when double.TryParse(args[i + 1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s) && s > 0:
                    seconds = s;
                    break;
                case "--concurrency" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c is > 0 and <= 256:
                    concurrency = c;
                    break;
                default:
                    return null;
            }
        }

        return seconds is { } d ? new LoadPlan(concurrency, TimeSpan.FromSeconds(d)) : null;
    }

    private static async Task Line(TextWriter stdout, string line)
    {
        await stdout.WriteAsync(line + "\n").ConfigureAwait(false);
        await stdout.FlushAsync().ConfigureAwait(false);
    }
}
