using System.Globalization;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Verification;

/// <summary>
/// Holds a container to what was asked, as the engine itself recorded it (inspect after create): the runtime or
/// isolation, the CPU and memory limits (or their absence, for a variant that drops one), the lock-down and the
/// seccomp profile (the engine's default, or unconfined for a variant that asks). An engine that silently fell back to its default
/// runtime, or dropped a limit, fails the cell here, before its numbers are trusted.
/// </summary>
public static class ContainerConfigCheck
{
    /// <summary>Null when the engine's record matches the spec; else one line naming every difference.</summary>
    public static string? Compare(ContainerSpec asked, ContainerConfigFacts recorded)
    {
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentNullException.ThrowIfNull(recorded);
        var windows = asked.Isolation is not null;
        var problems = new List<string>();
        if (asked.Runtime is { } runtime && recorded.Runtime != runtime)
        {
            problems.Add($"runtime {Show(recorded.Runtime)}, not {runtime}");
        }

        if (asked.Isolation is { } isolation && !string.Equals(recorded.Isolation, isolation, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"isolation {Show(recorded.Isolation)}, not {isolation}");
        }

        var limits = asked.Limits;
        if (limits.MemoryBytes is { } memory && recorded.MemoryBytes != memory)
        {
            problems.Add(Invariant($"memory limit {recorded.MemoryBytes} bytes, not {memory}"));
        }
        else if (limits.MemoryBytes is null && recorded.MemoryBytes != 0)
        {
            problems.Add(Invariant($"memory limit {recorded.MemoryBytes} bytes, not none"));
        }

        if (!windows && limits.Cpus is null && recorded.CpusetCpus.Length > 0)
        {
            problems.Add($"cpuset {recorded.CpusetCpus}, not none");
        }

        if (limits.Cpus is { } cpus)
        {
            var cpuset = new Resources.ResourceRequest(cpus, 0).CpusetList;
            if (windows && recorded.CpuCount != cpus)
            {
                problems.Add(Invariant($"CPU count {recorded.CpuCount}, not {cpus}"));
            }
            else if (!windows && recorded.CpusetCpus != cpuset)
            {
                problems.Add($"cpuset {Show(recorded.CpusetCpus)}, not {cpuset}");
            }
        }

        if (!windows)
        {
            if (limits.DropAllCapabilities && !recorded.CapDrop.Contains("ALL", StringComparer.OrdinalIgnoreCase))
            {
                problems.Add("capabilities not dropped");
            }

            if (limits.NoNewPrivileges && !recorded.SecurityOpt.Any(o => o.StartsWith("no-new-privileges", StringComparison.Ordinal) && !o.EndsWith("false", StringComparison.Ordinal)))
            {
                problems.Add("no-new-privileges not set");
            }

            if (limits.SecurityUnconfined && !recorded.SecurityOpt.Contains("seccomp=unconfined", StringComparer.Ordinal))
            {
                problems.Add("seccomp not unconfined");
            }
            else if (!limits.SecurityUnconfined && recorded.SecurityOpt.Any(o => o.StartsWith("seccomp", StringComparison.Ordinal)))
            {
                problems.Add("seccomp profile changed (" + string.Join(", ", recorded.SecurityOpt.Where(o => o.StartsWith("seccomp", StringComparison.Ordinal))) + "), not the engine's default");
            }

            if (limits.PidsLimit is { } pids && recorded.PidsLimit != pids)
            {
                problems.Add(Invariant($"pids limit {recorded.PidsLimit?.ToString(CultureInfo.InvariantCulture) ?? "none"}, not {pids}"));
            }
        }

        return problems.Count == 0 ? null : "the engine created the container with " + string.Join("; ", problems);
    }

    private static string Show(string value) => value.Length == 0 ? "(none)" : value;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
