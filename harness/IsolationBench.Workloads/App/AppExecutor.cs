using IsolationBench.Harness;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using IsolationBench.AppLoad;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Cages;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Workloads.App;

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
        ICage cage = path == AppClientPath.HostLoopback
            ? new HostProcessCage(new HostProcessSpec(hostBinary, Command(AppClientPath.HostLoopback, plan), context.HostLimits))
            : new ContainerCage(
                engine ?? throw new InvalidOperationException("container mode without an engine"),
                Spec(image ?? throw new InvalidOperationException("app container without an image"), cell, context, path, windowsEngine, plan));
        var outcome = await ServeAsync(cage, path, plan, timeout, cancellationToken).ConfigureAwait(false);
        var rows = SampleFactory.For(cell, context) with { Source = outcome.Source, At = DateTimeOffset.UtcNow };
        if (outcome.Failure is { } failure)
        {
            return new CellResult([rows.Failed(AppMetrics.ColdStartTotal, Units.Milliseconds, failure, iteration: 1)], outcome.Source, outcome.Fingerprint, failure, HeadlineMilliseconds: null);
        }

        AppLoadReport.WriteHistogram(context.Directory, cell.Mode.Name, cell.Round, outcome.Source, outcome.Load!.Latencies);
        var coldStart = outcome.ColdStart!.Durations();
        IReadOnlyList<Sample> samples =
        [
            .. coldStart.Select(p => rows.Ok(p.Metric, Units.Milliseconds, p.Milliseconds, iteration: 1)),
            .. AppLoadReport.Figures(outcome.Load).Select(f => rows.Ok(f.Metric, f.Unit, f.Value, iteration: 1)),
        ];
        return new CellResult(samples, outcome.Source, outcome.Fingerprint, null, coldStart.Single(p => p.Metric == AppMetrics.ColdStartTotal).Milliseconds);
    }

    private sealed record Outcome(string Source, IsolationFingerprint? Fingerprint, AppColdStart? ColdStart, LoadResult? Load, string? Failure);

    /// <summary>
    /// The service in its cage, from create (host: spawn) to its first 200, then under load, then told to stop. Every
    /// boundary of the cold start is an arrival the pump stamped, or the moment the harness's first 200 was read.
    /// </summary>
    private static async Task<Outcome> ServeAsync(ICage cage, AppClientPath path, LoadPlan plan, TimeSpan timeout, CancellationToken cancellationToken)
    {
        IsolationFingerprint? fingerprint = null;
        AppColdStart? coldStart = null;
        LoadResult? load = null;
        var failure = await CageRun.RunAsync(cage, timeout, async ct =>
        {
            await cage.StartAsync(ct).ConfigureAwait(false);

            // While the service boots: the published port's number (arrival times are taken by the pump, not here).
            var server = cage is ContainerCage container && path == AppClientPath.PublishedPort
                ? await container.PublishedEndpointAsync(ContainerPort, ct).ConfigureAwait(false)
                : null;
            var clientUp = path == AppClientPath.InContainer
                ? (await cage.ReadyAsync("client up", Readiness.NamedLine(AppProtocol.ClientUpLine), "the in-container client wrote no first line", ct).ConfigureAwait(false)).At
                : (long?)null;
            var ready = await cage.ReadyAsync("ready", Readiness.NamedLine(AppProtocol.ReadyLine), "the service wrote no ready line", ct).ConfigureAwait(false);
            server ??= path == AppClientPath.HostLoopback ? HostServer(ready.Line) : null;
            var firstResponse = await cage.ReadyAsync("first response", FirstResponse(server), "the in-container client got no first response", ct).ConfigureAwait(false);
            (fingerprint, var problem) = await FingerprintAsync(cage.Output, ct).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem + cage.Output.Tail();
            }

            if (await cage.CheckRecordAsync(ct).ConfigureAwait(false) is { } mismatch)
            {
                return mismatch;
            }

            cage.Phase = "load";
            (load, var loadFailure) = server is not null ? await LoadAsync(server, plan, ct).ConfigureAwait(false) : await InContainerLoadAsync(cage, ct).ConfigureAwait(false);
            if (loadFailure is not null)
            {
                return loadFailure; // not told to stop: killed when the cage goes
            }

            var code = await cage.ExitWithinAsync(StopTimeout, ct).ConfigureAwait(false);
            coldStart = new AppColdStart(cage.Clock.CreateCalled, cage.Clock.StartReturned, clientUp, ready.At, firstResponse.At);
            return code != 0 ? string.Create(CultureInfo.InvariantCulture, $"the {(cage is ContainerCage ? "container" : "service")} exited with {code}") + cage.Output.Tail()
                : load!.Errors > 0 ? LoadErrors(load)
                : null;
        }, cancellationToken).ConfigureAwait(false);
        return new Outcome(cage.Source, fingerprint, failure is null ? coldStart : null, failure is null ? load : null, failure);
    }

    /// <summary>The host service's port, from its ready line "ISOBENCH-READY port=N" (it listens on a port it picked).</summary>
    private static IPEndPoint HostServer(string readyLine)
    {
        const string Prefix = AppProtocol.ReadyLine + " port=";
        return readyLine.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(readyLine.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? new IPEndPoint(IPAddress.Loopback, port)
            : throw new CageNotReadyException($"the service's ready line was not \"{Prefix}N\"");
    }

    /// <summary>The first 200: read by the harness's client where it has the port, else the in-container client's line saying so.</summary>
    private static IReadiness FirstResponse(IPEndPoint? server) => server is null
        ? Readiness.NamedLine(AppProtocol.FirstResponseLine)
        : Readiness.PortAnswering(server, (s, ct) => AppClient.FirstResponse(s, FirstResponseTimeout, ct));

    private static async Task<(LoadResult? Load, string? Failure)> LoadAsync(IPEndPoint server, LoadPlan plan, CancellationToken ct) =>
        await OnOwnThreadAsync(() => { var r = AppClient.Load(server, plan, ct); AppClient.Stop(server); return r; }, server, ct).ConfigureAwait(false);

    /// <summary>The in-container client's load: its done line, then its report read from its lines.</summary>
    private static async Task<(LoadResult? Load, string? Failure)> InContainerLoadAsync(ICage cage, CancellationToken ct)
    {
        if (await cage.Output.LineStartingAsync(AppProtocol.DoneLine, ct).ConfigureAwait(false) is null)
        {
            return (null, "the in-container client ended before its load was done" + cage.Output.Tail());
        }

        return AppLoadReport.Parse(cage.Output.Lines.Select(l => l.Text));
    }

    private static string LoadErrors(LoadResult load) =>
        string.Create(CultureInfo.InvariantCulture, $"{load.Errors} of the load's {load.Errors + load.Requests} requests failed (a wrong answer or a broken connection)");

    /// <summary>
    /// The service's fingerprint line, awaited only after the first response: the service writes it after its ready line
    /// while it already serves, so its collection is in no cold-start phase.
    /// </summary>
    private static async Task<(IsolationFingerprint? Fingerprint, string? Problem)> FingerprintAsync(CageOutput output, CancellationToken ct)
    {
        if (await output.LineStartingAsync(AppProtocol.FingerprintStart, ct).ConfigureAwait(false) is not { } line)
        {
            return (null, "the service wrote no fingerprint line");
        }

        try
        {
            return (FingerprintJson.Parse(line.Text), null);
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }
    }

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
}
