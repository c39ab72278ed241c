namespace IsolationBench.Workloads.Startup;

/// <summary>The two workloads of the startup family: their names in samples.csv and manifest.json.</summary>
public static class StartupWorkloads
{
    /// <summary>A fresh probe per sample through the engine.</summary>
    public const string Startup = "startup";

    /// <summary>
    /// The same probe lifecycle straight on the mode's OCI runtime binary (create → start → ready → exit → delete), no
    /// engine and no containerd: the same phases under this workload name.
    /// </summary>
    public const string RuntimeDirect = "startup-runtime";

    public static readonly IReadOnlyList<string> All = [Startup, RuntimeDirect];
}
