using System.Globalization;
using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Resources;

namespace IsolationBench.Harness.Verification;

/// <summary>
/// The workload saw, from inside, the CPUs and memory limit the run asked for: Environment.ProcessorCount, the
/// CPUs it may run on (cpuset/affinity), and its cgroup's memory limit. Memory is not checked where it cannot be
/// read from inside: a VM's guest (its limit is the VM's size) and Windows (no Job Object read yet). gVisor shows
/// no cgroup files but sizes its kernel's memory to the limit: there the limit is its MemTotal.
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
        if (seen.CpuCount != asked.Cpus)
        {
            return Verdict.Fail(Invariant($"{mode.Name}: saw {seen.CpuCount} CPU(s) (Environment.ProcessorCount), asked {asked.Cpus}"));
        }

        if (seen.AffinityCpuCount is { } affinity && affinity != asked.Cpus)
        {
            return Verdict.Fail(Invariant($"{mode.Name}: may run on {affinity} CPU(s) (cpuset/affinity), asked {asked.Cpus}"));
        }

        var memoryChecked = seen.Os == "linux" && mode.Boundary != KernelBoundary.VirtualMachine;
        var limit = seen.MemoryLimitBytes ?? (seen.IsGVisor ? seen.MemoryTotalBytes : null);
        if (memoryChecked && limit != asked.MemoryBytes)
        {
            var saw = limit is { } m ? "a memory limit of " + MemorySize.Format(m) : "no memory limit";
            return Verdict.Fail($"{mode.Name}: saw {saw}, asked {MemorySize.Format(asked.MemoryBytes)}");
        }

        return Verdict.Pass(Invariant($"{asked.Cpus} CPU(s)") + (memoryChecked ? ", memory limit " + MemorySize.Format(asked.MemoryBytes) : ", memory limit not readable from inside"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
