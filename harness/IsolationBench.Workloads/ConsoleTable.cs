using IsolationBench.Reporting.Statistics;
using Spectre.Console;

namespace IsolationBench.Workloads;

/// <summary>
/// A workload's own end-of-run table: the plain text (what scripts read) and, where it has one, its drawn form on a
/// rich terminal. Both read the judged analysis's rows (a refused comparison is absent there).
/// </summary>
public sealed record ConsoleTable(string Workload, Action<TextWriter, RunAnalysis> Write)
{
    /// <summary>The drawn form; null: the plain text, as is.</summary>
    public Action<IAnsiConsole, RunAnalysis>? Draw { get; init; }
}
