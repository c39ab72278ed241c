namespace IsolationBench.Harness.Workloads;

/// <summary>The options of every <see cref="WorkloadPlanning.ColdStart"/> workload: --cold drops the page cache before each of their cells.</summary>
public static class ColdStartOptions
{
    public static readonly WorkloadOption Cold = new("--cold")
    {
        Help = "Linux, root: drop the page cache (sync; echo 3 > /proc/sys/vm/drop_caches) before every startup cell, so each is a cold-cache start (recorded in manifest.json)",
        Bind = (o, _) => o with { Cold = true },
        IsSet = o => o.Cold,
        WithoutOwner = "--cold drops the page cache before each startup cell: add startup (or startup-runtime) to --workloads, or drop --cold",
    };
}
