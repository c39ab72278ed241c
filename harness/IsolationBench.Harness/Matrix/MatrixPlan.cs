using IsolationBench.Harness.Modes;
using IsolationBench.Harness.Workloads;
using IsolationBench.Results;

namespace IsolationBench.Harness.Matrix;

/// <summary>One unit of work: one workload run once in one mode, in one round.</summary>
public sealed record MatrixCell(int Round, bool Warmup, string Workload, IsolationMode Mode)
{
    /// <summary>1-based position within its round (the round's mode order); 0 when not planned by <see cref="MatrixPlan"/>.</summary>
    public int Position { get; init; }

    /// <summary>The mode run just before it in the same round of the same workload; empty for the first.</summary>
    public string Predecessor { get; init; } = string.Empty;

    /// <summary>
    /// The guest categories that run in one container (or host process) with this cell, comma-separated in the order they
    /// run; empty when the cell has a container of its own.
    /// </summary>
    public string Batch { get; init; } = string.Empty;

    /// <summary>
    /// The first container of its mode in the workload (its first warm-up, or its first measured cell without warm-ups):
    /// its rows are also written as the first-container metrics (<see cref="IsolationBench.Results.Workloads.FirstContainer"/>, round 0).
    /// </summary>
    public bool First { get; init; }

    /// <summary>Stable identity of the cell, used to resume a run without repeating or skipping a sample.</summary>
    public string Key => Warmup ? "w" + KeyOf(Round, Workload, Mode.Name) : KeyOf(Round, Workload, Mode.Name);

    /// <summary>The key of the measured cell a sample belongs to (samples.csv has round, workload and mode).</summary>
    public static string KeyOf(int round, string workload, string mode) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{round}/{workload}/{mode}");
}

/// <summary>
/// The order of work. Modes are interleaved within each round so that drift of the machine (thermal, page cache,
/// other tenants) hits every mode alike, and each round's mode order follows <see cref="BalancedOrder"/> (A B D C,
/// B C A D, …) so that no mode always runs first or always after the same mode. The guest categories of a round run in
/// one container per mode, in the same order in every mode; their cells follow each other and carry the mode's position
/// and predecessor. Warmup rounds come first and are not recorded. The cell's key (what --resume matches) does not
/// include the order, which is deterministic.
/// </summary>
public static class MatrixPlan
{
    /// <param name="skips">Modes left out of a workload with a container of its own per round (a mode without a network for network-host), whose rounds are then balanced over the modes it runs in; null: none.</param>
    /// <param name="registry">how each workload is planned (<see cref="WorkloadRegistry.PlanningOf"/>) and a ladder's rounds.</param>
    public static IReadOnlyList<MatrixCell> Build(
        WorkloadRegistry registry,
        IReadOnlyList<IsolationMode> modes,
        IReadOnlyList<string> workloads,
        int startupSamples,
        int startupWarmup,
        int guestRounds,
        Func<string, IsolationMode, bool>? skips = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(modes);
        ArgumentNullException.ThrowIfNull(workloads);
        Func<string, WorkloadPlanning> planningOf = registry.PlanningOf;
        var cells = new List<MatrixCell>();
        foreach (var coldStart in workloads.Where(w => planningOf(w) == WorkloadPlanning.ColdStart))
        {
            for (var w = 1; w <= startupWarmup; w++)
            {
                cells.AddRange(Round(modes, w - 1, m => new MatrixCell(w, true, coldStart, m)));
            }

            for (var r = 1; r <= startupSamples; r++)
            {
                cells.AddRange(Round(modes, r - 1, m => new MatrixCell(r, false, coldStart, m)));
            }
        }

        // Each cold-start workload's first cell per mode is that mode's first container: no longer only a silent warm-up.
        foreach (var first in cells.Select((c, i) => (c, i)).GroupBy(x => (x.c.Workload, x.c.Mode.Name)).Select(g => g.First().i).ToList())
        {
            cells[first] = cells[first] with { First = true };
        }

        // Guest benchmarks warm up inside BenchmarkDotNet. A round is one container per mode, in which every category
        // runs one after another (a container and a .NET start per category saved: 31.6 → 25.4 s per runc round here).
        var guest = workloads.Where(w => planningOf(w) == WorkloadPlanning.GuestRounds).ToList();
        var batch = string.Join(',', guest);
        for (var r = 1; r <= guestRounds && guest.Count > 0; r++)
        {
            var round = r;
            cells.AddRange(Round(modes, r - 1, m => new MatrixCell(round, false, guest[0], m))
                .SelectMany(container => guest.Select(g => container with { Workload = g, Batch = batch })));
        }

        // A workload with a container of its own per round (network-host): after the guest rounds, in the balanced order.
        foreach (var own in workloads.Where(w => planningOf(w) == WorkloadPlanning.OwnContainerRounds))
        {
            var runs = modes.Where(m => skips?.Invoke(own, m) != true).ToList();
            for (var r = 1; r <= guestRounds && runs.Count > 0; r++)
            {
                cells.AddRange(Round(runs, r - 1, m => new MatrixCell(r, false, own, m)));
            }
        }

        // A ladder holds many containers at once: one per mode per round, after the rest, in the balanced order.
        foreach (var ladder in workloads.Where(w => planningOf(w) == WorkloadPlanning.Ladder))
        {
            for (var r = 1; r <= registry.Get(ladder).Descriptor.Sampling.Rounds; r++)
            {
                cells.AddRange(Round(modes, r - 1, m => new MatrixCell(r, false, ladder, m)));
            }
        }

        return cells;
    }

    /// <summary>One round's cells in the order of row <paramref name="row"/> of the balanced design, each with its position and predecessor.</summary>
    private static IEnumerable<MatrixCell> Round(IReadOnlyList<IsolationMode> modes, int row, Func<IsolationMode, MatrixCell> cell)
    {
        var previous = string.Empty;
        var position = 0;
        foreach (var index in BalancedOrder.Row(modes.Count, row))
        {
            var mode = modes[index];
            yield return cell(mode) with { Position = ++position, Predecessor = previous };
            previous = mode.Name;
        }
    }

    /// <summary>
    /// The plan position of the first measured cell of <paramref name="workload"/> in the second half of its rounds
    /// (round ⌊n/2⌋+1 of n): what runs beside the matrix goes there, so that machine drift over the run lands on
    /// both alike. The plan's length when the workload has no measured cell.
    /// </summary>
    public static int Midpoint(IReadOnlyList<MatrixCell> plan, string workload)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rounds = plan.Where(c => c.Workload == workload && !c.Warmup).Select(c => c.Round).DefaultIfEmpty(0).Max();
        var index = plan.ToList().FindIndex(c => c.Workload == workload && !c.Warmup && c.Round == (rounds / 2) + 1);
        return index < 0 ? plan.Count : index;
    }
}
