using System.Diagnostics;

namespace IsolationBench.Harness.Matrix;

/// <summary>How far the matrix is and how long it has left: each remaining cell at the mean duration of its workload so far.</summary>
internal sealed class MatrixPace(IReadOnlyList<MatrixCell> todo)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, (TimeSpan Total, int Count)> _spent = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, int> _perWorkload =
        todo.GroupBy(c => c.Workload, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private int _done;

    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Counts a cell that started at <paramref name="started"/> (<see cref="Now"/>) as done, and says where the run is.</summary>
    public MatrixProgress Done(MatrixCell cell, CellResult result, TimeSpan started)
    {
        var (total, count) = _spent.GetValueOrDefault(cell.Workload);
        _spent[cell.Workload] = (total + (_clock.Elapsed - started), count + 1);
        _done++;
        return new MatrixProgress(_done, todo.Count, cell, result.HeadlineMilliseconds, result.Failure, Remaining(todo.Skip(_done), _clock.Elapsed / _done))
        {
            TotalByWorkload = _perWorkload,
        };
    }

    /// <summary>
    /// Time left: each remaining cell at the mean duration of its workload so far (a guest benchmark takes a
    /// minute, a startup sample a third of a second), else at the mean of all cells.
    /// </summary>
    private TimeSpan Remaining(IEnumerable<MatrixCell> left, TimeSpan overall) =>
        left.Aggregate(TimeSpan.Zero, (sum, c) => sum + (_spent.TryGetValue(c.Workload, out var s) ? s.Total / s.Count : overall));
}
