using IsolationBench.Harness.Workloads;

namespace IsolationBench.Workloads.Startup;

/// <summary>The options of the cold-start workloads (startup and startup-runtime share them).</summary>
public static class ColdStartOptions
{
    public static readonly WorkloadOption Cold = new("--cold")
    {
        IsSet = o => o.Cold,
        WithoutOwner = "--cold drops the page cache before each startup cell: add startup (or startup-runtime) to --workloads, or drop --cold",
    };
}
