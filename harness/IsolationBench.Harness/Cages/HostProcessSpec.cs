namespace IsolationBench.Harness.Cages;

/// <summary>How to start a workload as a plain host process (the baseline every ratio divides by).</summary>
/// <param name="Limits">The run's CPU and memory limits for host processes (a cgroup, a Job Object); null = none.</param>
/// <param name="HeldByStdin">The process runs until its stdin closes (a held probe): stopping it closes stdin first and kills only a process that does not go.</param>
public sealed record HostProcessSpec(string Executable, IReadOnlyList<string> Arguments, Hosting.IHostLimits? Limits, bool HeldByStdin = false);
