using System.Diagnostics;
using System.Globalization;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Hosting;
using IsolationBench.Harness.Startup;

namespace IsolationBench.Harness.Density;

/// <summary>A held probe as a plain host process (the baseline), inside the run's host limits; released by closing its stdin.</summary>
public sealed class HeldHostProcess : IHeldProbe
{
    private readonly Process _process;

    private HeldHostProcess(Process process, double startMilliseconds, IsolationFingerprint? fingerprint)
    {
        _process = process;
        ProcessId = process.Id;
        StartMilliseconds = startMilliseconds;
        Fingerprint = fingerprint;
    }

    public string Source => "host:" + ProcessId!.Value.ToString(CultureInfo.InvariantCulture);

    public string? ContainerId => null;

    public int? ProcessId { get; }

    public double StartMilliseconds { get; }

    public IsolationFingerprint? Fingerprint { get; }

    public static async Task<HeldStart> StartAsync(string probe, IHostLimits? limits, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(probe)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--hold");
        MinimalEnvironment.Apply(info.Environment);
        var process = new Process { StartInfo = info };
        try
        {
            var (before, _) = limits is null ? SpawnTimes.Around(process) : limits.Start(process);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            var ready = await process.StandardOutput.ReadLineAsync(deadline.Token).ConfigureAwait(false);
            var readyAt = Stopwatch.GetTimestamp();
            var fingerprintLine = await process.StandardOutput.ReadLineAsync(deadline.Token).ConfigureAwait(false);
            var done = await process.StandardOutput.ReadLineAsync(deadline.Token).ConfigureAwait(false);
            var (fingerprint, problem) = ProbeOutput.Parse(string.Join('\n', ready, fingerprintLine, done));
            if (problem is not null)
            {
                await Release(process).ConfigureAwait(false);
                return new HeldStart(null, problem);
            }

            return new HeldStart(new HeldHostProcess(process, Stopwatch.GetElapsedTime(before, readyAt).TotalMilliseconds, fingerprint), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await Release(process).ConfigureAwait(false);
            return new HeldStart(null, string.Create(CultureInfo.InvariantCulture, $"no done line within {timeout.TotalSeconds:0} s"));
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            process.Dispose();
            return new HeldStart(null, $"cannot start {probe}: {ex.Message}");
        }
    }

    public Task<bool> IsAliveAsync(CancellationToken cancellationToken) => Task.FromResult(!_process.HasExited);

    public ValueTask DisposeAsync() => new(Release(_process));

    // Closing stdin is the probe's release; a probe that does not go in 10 s is killed.
    private static async Task Release(Process process)
    {
        try
        {
            process.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        finally
        {
            process.Dispose();
        }
    }
}
