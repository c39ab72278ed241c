using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Cli.Output;

/// <summary>
/// The end-of-run console tables, one registration per workload that has its own; every other workload (the guest
/// categories, and any a newer run brings) goes into the one generic table after them.
/// </summary>
internal static class ConsoleTables
{
    public static readonly IReadOnlyList<(string Workload, Action<TextWriter, RunAnalysis> Write)> Own =
    [
        (IsolationBench.Results.StartupPhases.Workload, StartupTable.Write),
        (IsolationBench.Results.StartupPhases.RuntimeDirectWorkload, StartupSplitTable.Write),
        (IsolationBench.Results.DensityMetrics.Workload, DensityTable.Write),
        (IsolationBench.Results.AppMetrics.Workload, AppTable.Write),
    ];

    /// <summary>Drawn tables on a rich terminal, the plain text (what scripts read) everywhere else.</summary>
    public static void Write(Commands.CliContext context, RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Interactive)
        {
            RichTables.Write(Terminal.Console(context.Out), analysis);
        }
        else
        {
            Write(context.Out, analysis);
        }
    }

    public static void Write(TextWriter output, RunAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(analysis);
        foreach (var (_, write) in Own)
        {
            write(output, analysis);
        }

        GuestTable.Write(output, analysis, [.. analysis.Workloads.Where(w => Own.All(o => o.Workload != w))]);
    }
}
