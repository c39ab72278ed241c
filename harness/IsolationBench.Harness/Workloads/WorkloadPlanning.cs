namespace IsolationBench.Harness.Workloads;

/// <summary>How the matrix plans a workload's cells; it only interleaves what this says.</summary>
public enum WorkloadPlanning
{
    /// <summary>One fresh container or process per sample: --warmup rounds, then --samples rounds.</summary>
    ColdStart,

    /// <summary>One container per round running many iterations inside: --guest-rounds rounds, no warm-up.</summary>
    GuestRounds,

    /// <summary>One cell per mode per round of the workload's own sampling plan, after the others (a long cell such as a ladder).</summary>
    Ladder,

    /// <summary>One container (or host process) of its own per round and mode, never shared with the guest categories: --guest-rounds rounds, after the guest rounds.</summary>
    OwnContainerRounds,
}
