using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Matrix;
using IsolationBench.Harness.Modes;
using IsolationBench.Results;

namespace IsolationBench.Harness.NetworkHost;

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
            ? await AsHostProcessAsync(context, timeout, cancellationToken).ConfigureAwait(false)
            : await InContainerAsync(cell, context, timeout, cancellationToken).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        IReadOnlyList<Sample> samples = outcome.Failure is { } failure
            ? [Sample(cell, context, outcome.Source, "(run)", Units.NanosecondsPerOp, 0, double.NaN, SampleStatus.Failed(failure), now)]
            : [.. outcome.Figures.Select(f => Sample(cell, context, outcome.Source, f.Metric, f.Unit, f.Iteration, f.Value, SampleStatus.Ok, now))];
        return new CellResult(samples, outcome.Source, outcome.Fingerprint, outcome.Failure, HeadlineMilliseconds: null);
    }

    private sealed record Outcome(string Source, IsolationFingerprint? Fingerprint, IReadOnlyList<ClientFigure> Figures, string? Failure);

    private async Task<Outcome> InContainerAsync(MatrixCell cell, RunContext context, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var docker = engine ?? throw new InvalidOperationException("container mode without an engine");
        var spec = Spec(image ?? throw new InvalidOperationException("network-host container without an image"), cell, context);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var ct = deadline.Token;
        var output = new ServerOutput();
        string? id = null;
        var source = string.Empty;
        IContainerOutput? stream = null;
        IsolationFingerprint? fingerprint = null;
        IReadOnlyList<ClientFigure> figures = [];
        string? failure = null;
        var exited = false;
        var phase = "create";
        try
        {
            id = await docker.CreateContainerAsync(spec, ct).ConfigureAwait(false);
            source = id[..Math.Min(12, id.Length)];
            stream = await docker.AttachAsync(id, ct).ConfigureAwait(false);
            var pump = PumpAsync(stream, output, ct);
            phase = "start";
            await docker.StartAsync(id, ct).ConfigureAwait(false);
            phase = "ready";
            await output.Ready.WaitAsync(ct).ConfigureAwait(false);
            var (_, seen, problem) = ServerOutput.Parse(output.StdOut);
            fingerprint = seen;
            if (problem is not null)
            {
                return new Outcome(source, null, [], problem + Tail(output));
            }

            phase = "inspect";
            failure = Verification.ContainerConfigCheck.Compare(spec, await docker.InspectConfigAsync(id, ct).ConfigureAwait(false));
            if (failure is not null)
            {
                return new Outcome(source, fingerprint, [], failure);
            }

            phase = "measure";
            var server = new IPEndPoint(IPAddress.Loopback, await docker.PublishedPortAsync(id, ContainerPort, ct).ConfigureAwait(false));
            (figures, failure) = await MeasureAsync(server, ct).ConfigureAwait(false);
            if (failure is not null)
            {
                return new Outcome(source, fingerprint, [], failure); // the server was not told to stop: killed below
            }

            phase = "exit";
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            stop.CancelAfter(StopTimeout);
            var code = await docker.WaitAsync(id, stop.Token).ConfigureAwait(false);
            exited = true;
            await pump.WaitAsync(TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
            failure = code == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"the server exited with {code}") + Tail(output);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = string.Create(CultureInfo.InvariantCulture, $"timeout (phase {phase})") + Tail(output);
        }
        catch (TimeoutException)
        {
            failure = $"output stream did not close after exit (phase {phase})";
        }
        catch (EngineRequestException ex)
        {
            await EngineLiveness.ThrowIfGoneAfterRefusalAsync(docker, cancellationToken).ConfigureAwait(false);
            failure = ex.Message;
        }
        finally
        {
            stream?.Dispose();
            if (id is not null)
            {
                await ContainerRemoval.KillAndRemoveAsync(docker, id, exited).ConfigureAwait(false);
            }
        }

        return new Outcome(source, fingerprint, failure is null ? figures : [], failure);
    }

    private async Task<Outcome> AsHostProcessAsync(RunContext context, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(hostBinary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in ServerArguments(inContainer: false))
        {
            info.ArgumentList.Add(argument);
        }

        Hosting.MinimalEnvironment.Apply(info.Environment);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var ct = deadline.Token;
        using var process = new Process { StartInfo = info };
        try
        {
            _ = context.HostLimits is { } limits ? limits.Start(process) : Hosting.SpawnTimes.Around(process);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return new Outcome(string.Empty, null, [], $"cannot start {hostBinary}: {ex.Message}");
        }

        var source = "host:" + process.Id.ToString(CultureInfo.InvariantCulture);
        var output = new ServerOutput();
        var pumps = Task.WhenAll(
            PumpAsync(process.StandardOutput.BaseStream, output, isStdErr: false, ct),
            PumpAsync(process.StandardError.BaseStream, output, isStdErr: true, ct));
        _ = pumps.ContinueWith(_ => output.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var phase = "ready";
        try
        {
            await output.Ready.WaitAsync(ct).ConfigureAwait(false);
            var (port, fingerprint, problem) = ServerOutput.Parse(output.StdOut);
            if (problem is not null)
            {
                return new Outcome(source, null, [], problem + Tail(output));
            }

            phase = "measure";
            var (figures, failure) = await MeasureAsync(new IPEndPoint(IPAddress.Loopback, port), ct).ConfigureAwait(false);
            if (failure is not null)
            {
                return new Outcome(source, fingerprint, [], failure);
            }

            phase = "exit";
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            stop.CancelAfter(StopTimeout);
            await process.WaitForExitAsync(stop.Token).ConfigureAwait(false);
            await pumps.ConfigureAwait(false);
            failure = process.ExitCode == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"the server exited with {process.ExitCode}") + Tail(output);
            return new Outcome(source, fingerprint, failure is null ? figures : [], failure);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Outcome(source, null, [], string.Create(CultureInfo.InvariantCulture, $"timeout (phase {phase})") + Tail(output));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
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

    private static async Task PumpAsync(IContainerOutput stream, ServerOutput output, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (await stream.ReadAsync(buffer, ct).ConfigureAwait(false) is { } chunk)
            {
                output.Add(Encoding.UTF8.GetString(buffer, 0, chunk.Count), chunk.IsStdErr);
            }
        }
        finally
        {
            output.Complete();
        }
    }

    private static async Task PumpAsync(Stream stream, ServerOutput output, bool isStdErr, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        int n;
        while ((n = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            output.Add(Encoding.UTF8.GetString(buffer, 0, n), isStdErr);
        }
    }

    private static string Tail(ServerOutput output) =>
        output.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() is { } last ? ": " + last : string.Empty;

    private static Sample Sample(MatrixCell cell, RunContext context, string source, string metric, string unit, int iteration, double value, string status, DateTimeOffset now) => new()
    {
        RunId = context.RunId,
        Round = cell.Round,
        Mode = cell.Mode.Name,
        Workload = cell.Workload,
        Metric = metric,
        Unit = unit,
        Value = value,
        Status = status,
        Iteration = iteration,
        Source = source,
        TimestampUtc = now,
    };
}
