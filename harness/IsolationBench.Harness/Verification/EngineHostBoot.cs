using IsolationBench.Harness.Lifecycle;
using System.Globalization;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Resources;

namespace IsolationBench.Harness.Verification;

/// <summary>
/// A remote engine's /info gives its host's kernel but not its boot time, without which a VM-isolated container of
/// the same kernel build (Hyper-V with an image of the host's build) cannot be told from a process-isolated one. A
/// container that shares the host's kernel sees the host's boot time: one probe in such a mode (Windows process
/// isolation, or the engine's shared-kernel runtime on Linux) gives it, once per run, before anything is measured.
/// </summary>
public static class EngineHostBoot
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>The mode whose containers share the engine host's kernel; null when the catalog offers none.</summary>
    public static IsolationMode? SharedKernelMode(ModeCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Available.FirstOrDefault(m => m.Kind == ModeKind.Container && m.Boundary == KernelBoundary.SharedKernel);
    }

    /// <summary>
    /// <paramref name="reference"/> with the boot time a shared-kernel probe saw, when that probe's kernel is the
    /// reference's; otherwise the reference unchanged and why, for the log.
    /// </summary>
    public static (IsolationFingerprint Reference, string Note) Adopt(IsolationFingerprint reference, string mode, IsolationFingerprint? probe, string? failure)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (probe is null)
        {
            return (reference, $"the engine host's boot time is unknown (the {mode} probe failed: {failure ?? "no fingerprint"}): VM-isolated containers are told apart by kernel release alone");
        }

        if (probe.BootTimeUnixSeconds is not { } boot || !KernelIdentity.SameBuild(probe, reference))
        {
            return (reference, $"the engine host's boot time is unknown (the {mode} probe saw kernel {probe.KernelVersion}, /info says {reference.KernelVersion}): VM-isolated containers are told apart by kernel release alone");
        }

        return (reference with { BootTimeUnixSeconds = boot },
            string.Create(CultureInfo.InvariantCulture, $"the engine host's boot time ({boot}) was read by a {mode} probe on its kernel {probe.KernelVersion}"));
    }

    /// <summary>Runs one probe in <paramref name="mode"/> and adopts its boot time (see <see cref="Adopt"/>).</summary>
    public static async Task<(IsolationFingerprint Reference, string Note)> LearnAsync(
        IContainerEngine engine, string probeImage, IsolationMode mode, IsolationFingerprint reference, IReadOnlyDictionary<string, string> labels, ResourceRequest resources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(mode);
        var spec = new ContainerSpec
        {
            Image = probeImage,
            Labels = labels,
            Runtime = mode.Runtime,
            Isolation = mode.Isolation,
            Limits = ContainerLimits.For(resources),
        };
        var run = await new ContainerLifecycle(engine).RunAsync(spec, Timeout, null, requireReadyLine: true, cancellationToken).ConfigureAwait(false);
        var (fingerprint, problem) = run.Ok ? ProbeOutput.Parse(run.StdOut) : (null, run.Failure);
        return Adopt(reference, mode.Name, fingerprint, problem);
    }
}
