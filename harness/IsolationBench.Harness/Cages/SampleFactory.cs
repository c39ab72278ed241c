using IsolationBench.Harness.Matrix;
using IsolationBench.Results;

namespace IsolationBench.Harness.Cages;

/// <summary>
/// The one place a cell's <see cref="Sample"/> is written: run id, round, mode and workload from the cell, the source
/// that produced it, and one timestamp for every row of a cell (or, when <see cref="At"/> is null, each row's own).
/// </summary>
public sealed record SampleFactory(string RunId, int Round, string Mode, string Workload)
{
    /// <summary>The container's short id or "host:PID" the rows come from.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>Every row's timestamp; null = the moment each row is made.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>The cell's rows, under its own workload unless <paramref name="workload"/> names another (a batched guest category, startup-runtime).</summary>
    public static SampleFactory For(MatrixCell cell, RunContext context, string? workload = null)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(context);
        return new SampleFactory(context.RunId, cell.Round, cell.Mode.Name, workload ?? cell.Workload);
    }

    public Sample Ok(string metric, string unit, double value, int iteration = 0) => Row(metric, unit, value, SampleStatus.Ok, iteration);

    /// <summary>A failed row: no value (NaN), the reason in its status.</summary>
    public Sample Failed(string metric, string unit, string failure, int iteration = 0) => Row(metric, unit, double.NaN, SampleStatus.Failed(failure), iteration);

    public Sample Row(string metric, string unit, double value, string status, int iteration = 0) => new()
    {
        RunId = RunId,
        Round = Round,
        Mode = Mode,
        Workload = Workload,
        Metric = metric,
        Unit = unit,
        Value = value,
        Status = status,
        Iteration = iteration,
        Source = Source,
        TimestampUtc = At ?? DateTimeOffset.UtcNow,
    };
}
