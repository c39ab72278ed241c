using IsolationBench.Fingerprint;
using IsolationBench.Harness.Cages;
using IsolationBench.Harness.Startup;

namespace IsolationBench.Harness.Density;

/// <summary>
/// A held probe's start, in a container or as a host process alike: started, then awaited to its third line (ready,
/// fingerprint, done: <see cref="ProbeOutput"/>), whose protocol is then read. Its start time ends at the ready line.
/// </summary>
internal static class HeldProbeStart
{
    private static readonly IReadiness DoneLine = Readiness.Line(3);

    public static async Task<Started> AwaitDoneLineAsync(ICage cage, CancellationToken cancellationToken)
    {
        await cage.StartAsync(cancellationToken).ConfigureAwait(false);
        cage.Phase = "ready";
        if (await cage.WaitReadyAsync(DoneLine, cancellationToken).ConfigureAwait(false) is null)
        {
            return Failed("the probe's output ended before its done line: " + cage.Output.StdErr.Trim());
        }

        var (fingerprint, problem) = ProbeOutput.Parse(cage.Output.StdOut);
        return problem is not null ? Failed(problem) : new Started(cage.Output.FirstLineAt!.Value, fingerprint, null);
    }

    private static Started Failed(string why) => new(0, null, why);

    /// <summary>When the ready line arrived, and the fingerprint; or why the probe did not get there.</summary>
    public sealed record Started(long ReadyAt, IsolationFingerprint? Fingerprint, string? Failure);
}
