using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using IsolationBench.AppLoad;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Harness.App;

/// <summary>
/// The app workload in one mode: the guest image's ASP.NET Core service (isobench-guest serve-app) from create to its
/// first 200, then a steady closed-loop load (<see cref="AppClient"/>). The client path follows <see cref="AppRoute"/>:
/// the harness through a port published on 127.0.0.1 where the mode has a network (Linux: the engine's default bridge;
/// Windows: nat), isobench-guest app-client inside the container where it has none; the host baseline runs the service
/// as a host process with the run's limits and the harness as its client. One container or process per round and mode;
/// its fingerprint comes from inside (the service's JSON line, written after its ready line); every request's latency is kept in
/// &lt;run&gt;/app/.
/// </summary>
public sealed class AppExecutor(IContainerEngine? engine, string? image, bool windowsEngine, string hostBinary, string profile, EngineFacts? facts) : IWorkloadExecutor
{
    /// <summary>The port the service listens on inside a container with a network; the engine publishes it on a free port of 127.0.0.1.</summary>
    public const int ContainerPort = 8080;

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FirstResponseTimeout = TimeSpan.FromSeconds(60);

    public bool CanRun(string workload) => workload == AppMetrics.Workload;

    /// <summary>What runs: the service alone (its client is the harness), or app-client, which starts the service beside itself.</summary>
    public static IReadOnlyList<string> Command(AppClientPath path, LoadPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return path switch
        {
            AppClientPath.HostLoopback => ["serve-app", "--port", "0", "--bind", "127.0.0.1"],
            AppClientPath.PublishedPort => ["serve-app", "--port", ContainerPort.ToString(CultureInfo.InvariantCulture)],
            _ =>
            [
                "app-client",
                "--duration", plan.Duration.TotalSeconds.ToString("R", CultureInfo.InvariantCulture),
                "--concurrency", plan.Concurrency.ToString(CultureInfo.InvariantCulture),
            ],
        };
    }

    /// <summary>
    /// The container: the guest image, locked down and limited like every cell. With the client on the host it gets the
    /// engine's network (Linux "default", Windows "nat") and one port published on 127.0.0.1; with the client inside, none.
    /// </summary>
    public static ContainerSpec Spec(string image, MatrixCell cell, RunContext context, AppClientPath path, bool windows, LoadPlan plan)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(context);
        var published = path == AppClientPath.PublishedPort;
        return new ContainerSpec
        {
            Image = image,
            Command = Command(path, plan),
            Labels = Labels.For(context, cell),
            Runtime = cell.Mode.Runtime,
            Isolation = cell.Mode.Isolation,
            Limits = ContainerLimits.For(context.Resources, cell.Mode.Knob),
            NetworkMode = published ? (windows ? "nat" : "default") : "none",
            PublishedPorts = published ? [ContainerPort] : [],
        };
    }

    public async Task<CellResult> ExecuteAsync(MatrixCell cell, RunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(context);
        var timeout = TimeSpan.FromMinutes(cell.Mode.MayBeSandbox ? 15 : 5);
        var path = AppRoute.For(cell.Mode, facts);
        var plan = LoadPlan.For(profile);
        var outcome = path == AppClientPath.HostLoopback
            ? await AsHostProcessAsync(context, plan, timeout, cancellationToken).ConfigureAwait(false)
            : await InContainerAsync(cell, context, path, plan, timeout, cancellationToken).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        if (outcome.Failure is { } failure)
        {
            return new CellResult(
                [Sample(cell, context, outcome.Source, AppMetrics.ColdStartTotal, Units.Milliseconds, double.NaN, SampleStatus.Failed(failure), now)],
                outcome.Source,
                outcome.Fingerprint,
                failure,
                HeadlineMilliseconds: null);
        }

        AppLoadReport.WriteHistogram(context.Directory, cell.Mode.Name, cell.Round, outcome.Source, outcome.Load!.Latencies);
        var coldStart = outcome.ColdStart!.Durations();
        IReadOnlyList<Sample> samples =
        [
            .. coldStart.Select(p => Sample(cell, context, outcome.Source, p.Metric, Units.Milliseconds, p.Milliseconds, SampleStatus.Ok, now)),
            .. AppLoadReport.Figures(outcome.Load).Select(f => Sample(cell, context, outcome.Source, f.Metric, f.Unit, f.Value, SampleStatus.Ok, now)),
        ];
        return new CellResult(samples, outcome.Source, outcome.Fingerprint, null, coldStart.Single(p => p.Metric == AppMetrics.ColdStartTotal).Milliseconds);
    }

    private sealed record Outcome(string Source, IsolationFingerprint? Fingerprint, AppColdStart? ColdStart, LoadResult? Load, string? Failure)
    {
        public static Outcome Failed(string source, IsolationFingerprint? fingerprint, string failure) => new(source, fingerprint, null, null, failure);
    }

    private async Task<Outcome> InContainerAsync(MatrixCell cell, RunContext context, AppClientPath path, LoadPlan plan, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var docker = engine ?? throw new InvalidOperationException("container mode without an engine");
        var spec = Spec(image ?? throw new InvalidOperationException("app container without an image"), cell, context, path, windowsEngine, plan);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var ct = deadline.Token;
        var output = new AppOutput();
        string? id = null;
        var source = string.Empty;
        IContainerOutput? stream = null;
        IsolationFingerprint? fingerprint = null;
        var exited = false;
        var phase = "create";
        try
        {
            var createCalled = Stopwatch.GetTimestamp();
            id = await docker.CreateContainerAsync(spec, ct).ConfigureAwait(false);
            source = id[..Math.Min(12, id.Length)];
            stream = await docker.AttachAsync(id, ct).ConfigureAwait(false);
            var pump = PumpAsync(stream, output, ct);
            phase = "start";
            await docker.StartAsync(id, ct).ConfigureAwait(false);
            var startReturned = Stopwatch.GetTimestamp();

            // While the service boots: the published port's number (arrival times are taken by the pump, not here).
            var server = path == AppClientPath.PublishedPort
                ? new IPEndPoint(IPAddress.Loopback, await docker.PublishedPortAsync(id, ContainerPort, ct).ConfigureAwait(false))
                : null;
            long? clientUp = null;
            if (path == AppClientPath.InContainer)
            {
                phase = "client up";
                clientUp = (await output.LineAsync(AppProtocol.ClientUpLine, ct).ConfigureAwait(false))?.Arrived;
                if (clientUp is null)
                {
                    return Outcome.Failed(source, null, "the in-container client wrote no first line" + output.Tail());
                }
            }

            phase = "ready";
            if (await output.LineAsync(AppProtocol.ReadyLine, ct).ConfigureAwait(false) is not { } ready)
            {
                return Outcome.Failed(source, null, "the service wrote no ready line" + output.Tail());
            }

            phase = "first response";
            long firstResponse;
            LoadResult load;
            if (server is not null)
            {
                var (first, failure) = await OnOwnThreadAsync(() => { AppClient.FirstResponse(server, FirstResponseTimeout, ct); return Stopwatch.GetTimestamp(); }, server, ct).ConfigureAwait(false);
                if (failure is not null)
                {
                    return Outcome.Failed(source, fingerprint, failure);
                }

                firstResponse = first;
                (fingerprint, var problem) = await FingerprintAsync(output, ct).ConfigureAwait(false);
                if (problem is not null)
                {
                    return Outcome.Failed(source, null, problem + output.Tail());
                }

                if (await CheckConfigAsync(docker, spec, id, ct).ConfigureAwait(false) is { } mismatch)
                {
                    return Outcome.Failed(source, fingerprint, mismatch);
                }

                phase = "load";
                (var result, failure) = await OnOwnThreadAsync(() => { var r = AppClient.Load(server, plan, ct); AppClient.Stop(server); return r; }, server, ct).ConfigureAwait(false);
                if (failure is not null)
                {
                    return Outcome.Failed(source, fingerprint, failure); // not told to stop: killed below
                }

                load = result!;
            }
            else
            {
                if (await output.LineAsync(AppProtocol.FirstResponseLine, ct).ConfigureAwait(false) is not { } first)
                {
                    return Outcome.Failed(source, fingerprint, "the in-container client got no first response" + output.Tail());
                }

                firstResponse = first.Arrived;
                (fingerprint, var problem) = await FingerprintAsync(output, ct).ConfigureAwait(false);
                if (problem is not null)
                {
                    return Outcome.Failed(source, null, problem + output.Tail());
                }

                if (await CheckConfigAsync(docker, spec, id, ct).ConfigureAwait(false) is { } mismatch)
                {
                    return Outcome.Failed(source, fingerprint, mismatch);
                }

                phase = "load";
                if (await output.LineAsync(AppProtocol.DoneLine, ct).ConfigureAwait(false) is null)
                {
                    return Outcome.Failed(source, fingerprint, "the in-container client ended before its load was done" + output.Tail());
                }

                var (result, failure) = AppLoadReport.Parse(output.Lines.Select(l => l.Line));
                if (failure is not null)
                {
                    return Outcome.Failed(source, fingerprint, failure);
                }

                load = result!;
            }

            phase = "exit";
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            stop.CancelAfter(StopTimeout);
            var code = await docker.WaitAsync(id, stop.Token).ConfigureAwait(false);
            exited = true;
            await pump.WaitAsync(TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
            return code != 0 ? Outcome.Failed(source, fingerprint, string.Create(CultureInfo.InvariantCulture, $"the container exited with {code}") + output.Tail())
                : load.Errors > 0 ? Outcome.Failed(source, fingerprint, LoadErrors(load))
                : new Outcome(source, fingerprint, new AppColdStart(createCalled, startReturned, clientUp, ready.Arrived, firstResponse), load, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Outcome.Failed(source, fingerprint, string.Create(CultureInfo.InvariantCulture, $"timeout (phase {phase})") + output.Tail());
        }
        catch (TimeoutException)
        {
            return Outcome.Failed(source, fingerprint, $"output stream did not close after exit (phase {phase})");
        }
        catch (EngineRequestException ex)
        {
            await EngineLiveness.ThrowIfGoneAfterRefusalAsync(docker, cancellationToken).ConfigureAwait(false);
            return Outcome.Failed(source, fingerprint, ex.Message);
        }
        finally
        {
            stream?.Dispose();
            if (id is not null)
            {
                await ContainerRemoval.KillAndRemoveAsync(docker, id, exited).ConfigureAwait(false);
            }
        }
    }

    private async Task<Outcome> AsHostProcessAsync(RunContext context, LoadPlan plan, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(hostBinary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in Command(AppClientPath.HostLoopback, plan))
        {
            info.ArgumentList.Add(argument);
        }

        Hosting.MinimalEnvironment.Apply(info.Environment);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var ct = deadline.Token;
        using var process = new Process { StartInfo = info };
        Hosting.SpawnTimes spawn;
        try
        {
            spawn = context.HostLimits is { } limits ? limits.Start(process) : Hosting.SpawnTimes.Around(process);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Outcome.Failed(string.Empty, null, $"cannot start {hostBinary}: {ex.Message}");
        }

        var source = "host:" + process.Id.ToString(CultureInfo.InvariantCulture);
        var output = new AppOutput();
        var pumps = Task.WhenAll(
            PumpAsync(process.StandardOutput.BaseStream, output, isStdErr: false, ct),
            PumpAsync(process.StandardError.BaseStream, output, isStdErr: true, ct));
        _ = pumps.ContinueWith(_ => output.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var phase = "ready";
        try
        {
            if (await output.LineAsync(AppProtocol.ReadyLine, ct).ConfigureAwait(false) is not { } ready)
            {
                return Outcome.Failed(source, null, "the service wrote no ready line" + output.Tail());
            }

            const string Prefix = AppProtocol.ReadyLine + " port=";
            if (!ready.Line.StartsWith(Prefix, StringComparison.Ordinal)
                || !int.TryParse(ready.Line.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                return Outcome.Failed(source, null, $"the service's ready line was not \"{Prefix}N\"");
            }

            phase = "first response";
            var server = new IPEndPoint(IPAddress.Loopback, port);
            var (firstResponse, failure) = await OnOwnThreadAsync(() => { AppClient.FirstResponse(server, FirstResponseTimeout, ct); return Stopwatch.GetTimestamp(); }, server, ct).ConfigureAwait(false);
            if (failure is not null)
            {
                return Outcome.Failed(source, null, failure);
            }

            var (fingerprint, problem) = await FingerprintAsync(output, ct).ConfigureAwait(false);
            if (problem is not null)
            {
                return Outcome.Failed(source, null, problem + output.Tail());
            }

            phase = "load";
            var (load, loadFailure) = await OnOwnThreadAsync(() => { var r = AppClient.Load(server, plan, ct); AppClient.Stop(server); return r; }, server, ct).ConfigureAwait(false);
            if (loadFailure is not null)
            {
                return Outcome.Failed(source, fingerprint, loadFailure);
            }

            phase = "exit";
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            stop.CancelAfter(StopTimeout);
            await process.WaitForExitAsync(stop.Token).ConfigureAwait(false);
            await pumps.ConfigureAwait(false);
            return process.ExitCode != 0 ? Outcome.Failed(source, fingerprint, string.Create(CultureInfo.InvariantCulture, $"the service exited with {process.ExitCode}") + output.Tail())
                : load!.Errors > 0 ? Outcome.Failed(source, fingerprint, LoadErrors(load))
                : new Outcome(source, fingerprint, new AppColdStart(spawn.Before, spawn.After, null, ready.Arrived, firstResponse), load, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Outcome.Failed(source, null, string.Create(CultureInfo.InvariantCulture, $"timeout (phase {phase})") + output.Tail());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static string LoadErrors(LoadResult load) =>
        string.Create(CultureInfo.InvariantCulture, $"{load.Errors} of the load's {load.Errors + load.Requests} requests failed (a wrong answer or a broken connection)");

    /// <summary>
    /// The service's fingerprint line, awaited only after the first response: the service writes it after its ready line
    /// while it already serves, so its collection is in no cold-start phase.
    /// </summary>
    private static async Task<(IsolationFingerprint? Fingerprint, string? Problem)> FingerprintAsync(AppOutput output, CancellationToken ct)
    {
        if (await output.LineAsync(AppProtocol.FingerprintStart, ct).ConfigureAwait(false) is not { } line)
        {
            return (null, "the service wrote no fingerprint line");
        }

        try
        {
            return (FingerprintJson.Parse(line.Line), null);
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }
    }

    private static async Task<string?> CheckConfigAsync(IContainerEngine docker, ContainerSpec spec, string id, CancellationToken ct) =>
        Verification.ContainerConfigCheck.Compare(spec, await docker.InspectConfigAsync(id, ct).ConfigureAwait(false));

    /// <summary>The client's blocking sockets on a thread of their own (the timed loop never waits on the thread pool); a socket failure is the cell's failure, not an exception.</summary>
    private static async Task<(T? Value, string? Failure)> OnOwnThreadAsync<T>(Func<T> client, IPEndPoint server, CancellationToken cancellationToken)
    {
        try
        {
            return (await Task.Factory.StartNew(client, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return (default, $"client on the host against {server}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static async Task PumpAsync(IContainerOutput stream, AppOutput output, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (await stream.ReadAsync(buffer, ct).ConfigureAwait(false) is { } chunk)
            {
                output.Add(Encoding.UTF8.GetString(buffer, 0, chunk.Count), chunk.IsStdErr, Stopwatch.GetTimestamp());
            }
        }
        finally
        {
            output.Complete();
        }
    }

    private static async Task PumpAsync(Stream stream, AppOutput output, bool isStdErr, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        int n;
        while ((n = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            output.Add(Encoding.UTF8.GetString(buffer, 0, n), isStdErr, Stopwatch.GetTimestamp());
        }
    }

    private static Sample Sample(MatrixCell cell, RunContext context, string source, string metric, string unit, double value, string status, DateTimeOffset now) => new()
    {
        RunId = context.RunId,
        Round = cell.Round,
        Mode = cell.Mode.Name,
        Workload = cell.Workload,
        Metric = metric,
        Unit = unit,
        Value = value,
        Status = status,
        Iteration = 1,
        Source = source,
        TimestampUtc = now,
    };
}
