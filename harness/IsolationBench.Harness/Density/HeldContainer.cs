using System.Diagnostics;
using System.Globalization;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Startup;

namespace IsolationBench.Harness.Density;

/// <summary>
/// A held probe container: create → attach → start → done line, then left running. Removing it (dispose) kills and
/// removes it with a bounded token of its own, whatever the caller's token says (Ctrl+C included).
/// </summary>
public sealed class HeldContainer : IHeldProbe
{
    private readonly IContainerEngine _engine;
    private readonly IContainerOutput _stream;

    private HeldContainer(IContainerEngine engine, string id, IContainerOutput stream, double startMilliseconds, IsolationFingerprint? fingerprint)
    {
        _engine = engine;
        ContainerId = id;
        _stream = stream;
        StartMilliseconds = startMilliseconds;
        Fingerprint = fingerprint;
    }

    public string Source => ContainerId![..Math.Min(12, ContainerId!.Length)];

    public string? ContainerId { get; }

    public int? ProcessId => null;

    public double StartMilliseconds { get; }

    public IsolationFingerprint? Fingerprint { get; }

    public static async Task<HeldStart> StartAsync(IContainerEngine engine, ContainerSpec spec, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(spec);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var output = new OutputCollector();
        string? id = null;
        IContainerOutput? stream = null;
        var t0 = Stopwatch.GetTimestamp();
        try
        {
            id = await engine.CreateContainerAsync(spec, deadline.Token).ConfigureAwait(false);
            stream = await engine.AttachAsync(id, deadline.Token).ConfigureAwait(false);
            var pump = PumpAsync(stream, output);
            await engine.StartAsync(id, deadline.Token).ConfigureAwait(false);
            while (output.FingerprintDoneAt is null)
            {
                if (pump.IsCompleted)
                {
                    return new HeldStart(null, "the probe's output ended before its done line: " + output.StdErr.Trim());
                }

                await Task.Delay(5, deadline.Token).ConfigureAwait(false);
            }

            var (fingerprint, problem) = ProbeOutput.Parse(output.StdOut);
            if (problem is not null)
            {
                return new HeldStart(null, problem);
            }

            var held = new HeldContainer(engine, id, stream, Stopwatch.GetElapsedTime(t0, output.FirstLineAt!.Value).TotalMilliseconds, fingerprint);
            stream = null;
            id = null;
            return new HeldStart(held, null);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new HeldStart(null, string.Create(CultureInfo.InvariantCulture, $"no done line within {timeout.TotalSeconds:0} s"));
        }
        catch (EngineRequestException ex)
        {
            await EngineLiveness.ThrowIfGoneAfterRefusalAsync(engine, cancellationToken).ConfigureAwait(false);
            return new HeldStart(null, ex.Message);
        }
        finally
        {
            stream?.Dispose();
            if (id is not null)
            {
                await ContainerRemoval.KillAndRemoveAsync(engine, id, exited: false).ConfigureAwait(false);
            }
        }
    }

    public async Task<bool> IsAliveAsync(CancellationToken cancellationToken) =>
        (await _engine.InspectStateAsync(ContainerId!, cancellationToken).ConfigureAwait(false)).Status == "running";

    public async ValueTask DisposeAsync()
    {
        _stream.Dispose();
        await ContainerRemoval.KillAndRemoveAsync(_engine, ContainerId!, exited: false).ConfigureAwait(false);
    }

    private static async Task PumpAsync(IContainerOutput stream, OutputCollector output)
    {
        var buffer = new byte[4096];
        try
        {
            while (await stream.ReadAsync(buffer, CancellationToken.None).ConfigureAwait(false) is { } chunk)
            {
                output.Add(buffer.AsSpan(0, chunk.Count), chunk.IsStdErr, Stopwatch.GetTimestamp());
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The stream is closed when the container is removed.
        }
    }
}
