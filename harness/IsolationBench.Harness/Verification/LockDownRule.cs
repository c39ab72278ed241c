using IsolationBench.Harness.Engine;
using IsolationBench.Harness.Modes;

namespace IsolationBench.Harness.Verification;

/// <summary>
/// A Linux container is as locked down as the harness asked, seen from inside: no effective capabilities,
/// no_new_privs set, and the pids limit. Checked on every container of every run, not only in tests. gVisor
/// shows neither no_new_privs nor a pids cgroup: there those two are "not visible" (the engine's record of the
/// container, checked after create, still holds them); anywhere else an unreadable value fails.
/// </summary>
public sealed class LockDownRule : IFingerprintRule
{
    private const string NoCapabilities = "0000000000000000";

    public Verdict? Check(VerificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (mode, seen, _, expectations) = input;
        if (!expectations.LockedDown || mode.Kind != ModeKind.Container || seen.Os != "linux")
        {
            return null;
        }

        var pids = ContainerLimits.LockedDownPids.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problems = new List<string>();
        if (seen.EffectiveCapabilities != NoCapabilities)
        {
            problems.Add($"effective capabilities {seen.EffectiveCapabilities ?? "unknown"}, not none");
        }

        var hidden = new List<string>();
        if (seen.NoNewPrivileges is null && seen.IsGVisor)
        {
            hidden.Add("no_new_privs");
        }
        else if (seen.NoNewPrivileges != true)
        {
            problems.Add("no_new_privs " + (seen.NoNewPrivileges is null ? "unknown" : "not set"));
        }

        if (seen.PidsLimit is null && seen.IsGVisor)
        {
            hidden.Add("pids.max");
        }
        else if (seen.PidsLimit != pids)
        {
            problems.Add($"pids.max {seen.PidsLimit ?? "unknown"}, not {pids}");
        }

        return problems.Count == 0
            ? Verdict.Pass(hidden.Count == 0
                ? $"locked down (no capabilities, no_new_privs, pids.max {pids})"
                : $"no capabilities ({string.Join(" and ", hidden)} not visible inside gVisor)")
            : Verdict.Fail($"{mode.Name}: not locked down as asked: {string.Join("; ", problems)}");
    }
}
