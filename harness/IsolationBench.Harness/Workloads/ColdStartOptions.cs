namespace IsolationBench.Harness.Workloads;

/// <summary>The options of every <see cref="WorkloadPlanning.ColdStart"/> workload: --cold drops the page cache before each of their cells.</summary>
public static class ColdStartOptions
{
    public static readonly WorkloadOption Cold = new("--cold")
    {
        IsSet = o => o.Cold,
        WithoutOwner = "--cold drops the page cache before each startup cell: add startup (or startup-runtime) to --workloads, or drop --cold",
    };
}
