using IsolationBench.Harness.Modes;

namespace IsolationBench.Harness.Matrix;

/// <summary>One unit of work: one workload run once in one mode, in one round.</summary>
public sealed record MatrixCell(int Round, bool Warmup, string Workload, IsolationMode Mode)
{
    /// <summary>Stable identity of the cell, used to resume a run without repeating or skipping a sample.</summary>
    public string Key => Warmup ? "w" + KeyOf(Round, Workload, Mode.Name) : KeyOf(Round, Workload, Mode.Name);

    /// <summary>The key of the measured cell a sample belongs to (samples.csv has round, workload and mode).</summary>
    public static string KeyOf(int round, string workload, string mode) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{round}/{workload}/{mode}");
}

/// <summary>
/// The order of work. Modes are interleaved within each round (A B C, A B C, …) so that drift of the machine
/// (thermal, page cache, other tenants) hits every mode alike; warmup rounds come first and are not recorded.
/// </summary>
public static class MatrixPlan
{
    public static IReadOnlyList<MatrixCell> Build(
        IReadOnlyList<IsolationMode> modes,
        IReadOnlyList<string> workloads,
        int startupSamples,
        int startupWarmup,
        int guestRounds)
    {
        ArgumentNullException.ThrowIfNull(modes);
        ArgumentNullException.ThrowIfNull(workloads);
        var cells = new List<MatrixCell>();
        if (workloads.Contains("startup"))
        {
            for (var w = 1; w <= startupWarmup; w++)
            {
                cells.AddRange(modes.Select(m => new MatrixCell(w, true, "startup", m)));
            }

            for (var r = 1; r <= startupSamples; r++)
            {
                cells.AddRange(modes.Select(m => new MatrixCell(r, false, "startup", m)));
            }
        }

        // Guest benchmarks warm up inside BenchmarkDotNet; a round runs every category in every mode.
        var guest = workloads.Where(w => w != "startup").ToList();
        for (var r = 1; r <= guestRounds && guest.Count > 0; r++)
        {
            foreach (var workload in guest)
            {
                cells.AddRange(modes.Select(m => new MatrixCell(r, false, workload, m)));
            }
        }

        return cells;
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
