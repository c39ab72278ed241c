using IsolationBench.Results;
namespace IsolationBench.Workloads.Guest;

/// <summary>
/// Which guest categories have benchmarks on which OS, for code that must know without loading the guest
/// (the harness refuses a workload with nothing to run before the run starts). The guest's own discovery is
/// the truth; a contract test in the guest's tests runs it for each OS and checks this table against it.
/// </summary>
public static class GuestWorkloads
{
    public static readonly IReadOnlyList<string> Categories = ["syscall", "io", "cpu", "memory", "network"];

    /// <summary>OS ("linux", "windows", as manifest.json spells it) → the categories with at least one benchmark there.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ByOs = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
    {
        ["linux"] = ["syscall", "io", "cpu", "memory", "network"],
        ["windows"] = ["syscall", "io", "cpu", "memory", "network"],
    };

    public static bool Runs(string category, string os) =>
        ByOs.TryGetValue(os, out var categories) && categories.Contains(category, StringComparer.Ordinal);
}
