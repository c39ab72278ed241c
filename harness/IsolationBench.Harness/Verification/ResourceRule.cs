using System.Globalization;
using IsolationBench.Fingerprint;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Resources;
using IsolationBench.Results;

namespace IsolationBench.Harness.Verification;

/// <summary>
/// The workload saw, from inside, the CPUs and memory limit the run asked for: Environment.ProcessorCount, the
/// CPUs it may run on (cpuset/affinity), and its cgroup's memory limit. Memory is not checked where it cannot be
/// read from inside: a VM's guest (its limit is the VM's size) and Windows (no Job Object read yet). gVisor shows
/// no cgroup files but sizes its kernel's memory to the limit: there the limit is its MemTotal.
/// A variant that drops one limit (nocpulimit, nomemlimit) is held to the other as its parent is, and to the absence
/// of the one it drops: at least the CPUs asked (every CPU of the engine's host), or no cgroup memory limit.
/// </summary>
public sealed class ResourceRule : IFingerprintRule
{
    public Verdict? Check(VerificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Expectations.Resources is not { } asked)
        {
            return null;
        }

        var (mode, seen, _, _) = input;
        string cpus;
        if (mode.Knob == ModeVariants.NoCpuLimit)
        {
            var mayRunOn = seen.AffinityCpuCount ?? seen.CpuCount;
            if (mayRunOn < asked.Cpus)
            {
                return Verdict.Fail(Invariant($"{mode.Name}: may run on {mayRunOn} CPU(s), asked no CPU limit (at least {asked.Cpus})"));
            }

            cpus = Invariant($"no CPU limit (may run on {mayRunOn} CPU(s))");
        }
        else if (seen.CpuCount != asked.Cpus)
        {
            return Verdict.Fail(Invariant($"{mode.Name}: saw {seen.CpuCount} CPU(s) (Environment.ProcessorCount), asked {asked.Cpus}"));
        }
        else if (seen.AffinityCpuCount is { } affinity && affinity != asked.Cpus)
        {
            return Verdict.Fail(Invariant($"{mode.Name}: may run on {affinity} CPU(s) (cpuset/affinity), asked {asked.Cpus}"));
        }
        else
        {
            cpus = Invariant($"{asked.Cpus} CPU(s)");
        }

        var memoryChecked = seen.Os == "linux" && mode.Boundary != KernelBoundary.VirtualMachine;
        if (mode.Knob == ModeVariants.NoMemoryLimit)
        {
            // gVisor sizes MemTotal to the host's memory without a limit: only a cgroup limit is a limit here.
            return memoryChecked && seen.MemoryLimitBytes is { } limit
                ? Verdict.Fail($"{mode.Name}: saw a memory limit of {MemorySize.Format(limit)}, asked none")
                : Verdict.Pass(cpus + (memoryChecked ? ", no memory limit" : ", memory limit not readable from inside"));
        }

        var seenLimit = seen.MemoryLimitBytes ?? (seen.IsGVisor ? seen.MemoryTotalBytes : null);
        if (memoryChecked && seenLimit != asked.MemoryBytes)
        {
            var saw = seenLimit is { } m ? "a memory limit of " + MemorySize.Format(m) : "no memory limit";
            return Verdict.Fail($"{mode.Name}: saw {saw}, asked {MemorySize.Format(asked.MemoryBytes)}");
        }

        return Verdict.Pass(cpus + (memoryChecked ? ", memory limit " + MemorySize.Format(asked.MemoryBytes) : ", memory limit not readable from inside"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
