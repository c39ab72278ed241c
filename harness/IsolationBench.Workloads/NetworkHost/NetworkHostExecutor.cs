using IsolationBench.Harness;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Cages;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Workloads.NetworkHost;

/// <summary>
/// The host↔container workload in one mode: `isobench-guest serve` runs in a container of the guest image, its port
/// published on the host's 127.0.0.1 through the engine's default network (the only cells of a run with a network), and
/// the harness measures as its client (<see cref="HostClient"/>). The host baseline runs the same server as a host
/// process on 127.0.0.1, with the run's CPU and memory limits, and the same client: host loopback, no cage, no bridge.
/// One container or process per round and mode; its fingerprint comes from inside (the server's second line).
/// </summary>
public sealed class NetworkHostExecutor(IContainerEngine? engine, string? image, string hostBinary, string profile) : IWorkloadExecutor
{
    /// <summary>The port the server listens on inside a container; the engine publishes it on a free port of 127.0.0.1.</summary>
    public const int ContainerPort = 7070;

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    // The server's ready line with its port, then its fingerprint line (or its output ending first: the parse says what is missing).
    private static readonly IReadiness ServerReady = Readiness.Line(2);

    public bool CanRun(string workload) => workload == NetworkHostMetrics.Workload;

    /// <summary>What the container runs: the guest image's entry point (isobench-guest) in server mode.</summary>
    public static IReadOnlyList<string> ServerArguments(bool inContainer) =>
        inContainer ? ["serve", "--port", ContainerPort.ToString(CultureInfo.InvariantCulture)] : ["serve", "--port", "0", "--bind", "127.0.0.1"];

    /// <summary>The container: the guest image in server mode, locked down and limited like every cell, with a network and one port published on 127.0.0.1.</summary>
    public static ContainerSpec Spec(string image, MatrixCell cell, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(context);
        return new ContainerSpec
        {
            Image = image,
            Command = ServerArguments(inContainer: true),
            Labels = Labels.For(context, cell),
            Runtime = cell.Mode.Runtime,
            Isolation = cell.Mode.Isolation,
            Limits = ContainerLimits.For(context.Resources, cell.Mode.Knob),
            NetworkMode = "default",
            PublishedPorts = [ContainerPort],
        };
    }

    public async Task<CellResult> ExecuteAsync(MatrixCell cell, RunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(context);
        var timeout = TimeSpan.FromMinutes(cell.Mode.MayBeSandbox ? 15 : 5);
        var outcome = cell.Mode.Kind == ModeKind.Host
            ? await ServeAsync(new HostProcessCage(new HostProcessSpec(hostBinary, ServerArguments(inContainer: false), context.HostLimits)), timeout, cancellationToken).ConfigureAwait(false)
            : await ServeAsync(ContainerFor(cell, context), timeout, cancellationToken).ConfigureAwait(false);
        var rows = SampleFactory.For(cell, context) with { Source = outcome.Source, At = DateTimeOffset.UtcNow };
        IReadOnlyList<Sample> samples = outcome.Failure is { } failure
            ? [rows.Failed("(run)", Units.NanosecondsPerOp, failure)]
            : [.. outcome.Figures.Select(f => rows.Ok(f.Metric, f.Unit, f.Value, f.Iteration))];
        return new CellResult(samples, outcome.Source, outcome.Fingerprint, outcome.Failure, HeadlineMilliseconds: null);
    }

    private sealed record Outcome(string Source, IsolationFingerprint? Fingerprint, IReadOnlyList<ClientFigure> Figures, string? Failure);

    private ContainerCage ContainerFor(MatrixCell cell, RunContext context) => new(
        engine ?? throw new InvalidOperationException("container mode without an engine"),
        Spec(image ?? throw new InvalidOperationException("network-host container without an image"), cell, context));

    /// <summary>
    /// The server in its cage, ready when its two lines are in (the ready line with its port, then its fingerprint), checked
    /// against the engine's record, measured through its published port (a host process: the port it names), told to stop.
    /// </summary>
    private async Task<Outcome> ServeAsync(ICage cage, TimeSpan timeout, CancellationToken cancellationToken)
    {
        IsolationFingerprint? fingerprint = null;
        IReadOnlyList<ClientFigure> figures = [];
        var failure = await CageRun.RunAsync(cage, timeout, async ct =>
        {
            await cage.StartAsync(ct).ConfigureAwait(false);
            cage.Phase = "ready";
            await cage.WaitReadyAsync(ServerReady, ct).ConfigureAwait(false);
            var (port, seen, problem) = ServerOutput.Parse(cage.Output.StdOut);
            if (problem is not null)
            {
                return problem + cage.Output.Tail();
            }

            fingerprint = seen;
            cage.Phase = "inspect";
            if (await cage.CheckRecordAsync(ct).ConfigureAwait(false) is { } mismatch)
            {
                return mismatch;
            }

            cage.Phase = "measure";
            var server = cage is ContainerCage container
                ? await container.PublishedEndpointAsync(ContainerPort, ct).ConfigureAwait(false)
                : new IPEndPoint(IPAddress.Loopback, port);
            (figures, var measureFailure) = await MeasureAsync(server, ct).ConfigureAwait(false);
            if (measureFailure is not null)
            {
                return measureFailure; // the server was not told to stop: killed when the cage goes
            }

            var code = await cage.ExitWithinAsync(StopTimeout, ct).ConfigureAwait(false);
            return code == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"the server exited with {code}") + cage.Output.Tail();
        }, cancellationToken).ConfigureAwait(false);
        return new Outcome(cage.Source, fingerprint, failure is null ? figures : [], failure);
    }

    /// <summary>The client's figures, then the server told to stop; a socket failure is the cell's failure, not an exception.</summary>
    private async Task<(IReadOnlyList<ClientFigure> Figures, string? Failure)> MeasureAsync(IPEndPoint server, CancellationToken cancellationToken)
    {
        try
        {
            // Blocking sockets on a thread of their own: the timed loop never waits on the thread pool.
            return await Task.Factory.StartNew(
                () =>
                {
                    var figures = HostClient.Measure(server, ClientPlan.For(profile), cancellationToken);
                    HostClient.Stop(server);
                    return ((IReadOnlyList<ClientFigure>)figures, (string?)null);
                },
                cancellationToken,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return ([], $"client on the host against {server}: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
