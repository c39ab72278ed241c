using System.Globalization;
using IsolationBench.Harness.Matrix;

namespace IsolationBench.Harness;

/// <summary>Labels on every container the suite creates: cleanup finds them by label, never by name.</summary>
public static class Labels
{
    public const string Run = "isolationbench.run";
    public const string Mode = "isolationbench.mode";
    public const string Workload = "isolationbench.workload";

    /// <summary>The cell's round: "3", or "w1" for a warmup round (the engine-events recorder keeps measured rounds only).</summary>
    public const string Round = "isolationbench.round";
    public const string OwnerPid = "isolationbench.owner-pid";
    public const string OwnerHost = "isolationbench.owner-host";

    public static IReadOnlyDictionary<string, string> ForRun(string runId) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Run] = runId,
        [OwnerPid] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
        [OwnerHost] = Environment.MachineName,
    };

    public static IReadOnlyDictionary<string, string> For(RunContext context, MatrixCell cell)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cell);
        return new Dictionary<string, string>(context.Labels, StringComparer.Ordinal)
        {
            [Mode] = cell.Mode.Name,
            [Workload] = cell.Workload,
            [Round] = (cell.Warmup ? "w" : string.Empty) + cell.Round.ToString(CultureInfo.InvariantCulture),
        };
    }
}
