using IsolationBench.Harness;
using IsolationBench.Fingerprint;

namespace IsolationBench.Workloads.Density;

/// <summary>One probe held alive (--hold) in a container or as a host process, until it is released.</summary>
public interface IHeldProbe : IAsyncDisposable
{
    /// <summary>The container's short id, or "host:PID".</summary>
    string Source { get; }

    /// <summary>The container's full id (to find its cgroup and shim); null for a host process.</summary>
    string? ContainerId { get; }

    /// <summary>The host process's id; null for a container.</summary>
    int? ProcessId { get; }

    /// <summary>Create called (host: spawn) → the ready line read, in milliseconds.</summary>
    double StartMilliseconds { get; }

    IsolationFingerprint? Fingerprint { get; }

    /// <summary>Whether it is still running (held), not ended.</summary>
    Task<bool> IsAliveAsync(CancellationToken cancellationToken);
}

/// <summary>A started probe, or why it could not be.</summary>
public sealed record HeldStart(IHeldProbe? Probe, string? Failure);
