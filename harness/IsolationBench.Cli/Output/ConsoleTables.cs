using IsolationBench.Reporting.Analysers;
using IsolationBench.Workloads;

namespace IsolationBench.Cli.Output;

/// <summary>
/// The end-of-run console tables, one more exporter of the report's judged analysis: one registration per workload
/// that has its own table; every other workload (the guest categories, and any a newer run brings) goes into the one
/// generic table after them, and every refusal is listed as the report words it.
/// </summary>
internal static class ConsoleTables
{
    /// <summary>The workloads' own tables, from their modules, in run order.</summary>
    public static IReadOnlyList<ConsoleTable> Own => IsolationBench.Workloads.WorkloadModules.ConsoleTables;

    /// <summary>Drawn tables on a rich terminal, the plain text (what scripts read) everywhere else.</summary>
    public static void Write(Commands.CliContext context, JudgedAnalysis judged)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Interactive)
        {
            RichTables.Write(Terminal.Console(context.Out), judged);
        }
        else
        {
            Write(context.Out, judged);
        }
    }

    public static void Write(TextWriter output, JudgedAnalysis judged)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(judged);
        var shown = judged.WithRefusedWithheld();
        foreach (var table in Own)
        {
            table.Write(output, shown);
        }

        GuestTable.Write(output, judged, Generic(judged));
        WriteRefusals(output, judged);
    }

    /// <summary>The workloads without a table of their own, in the run's order.</summary>
    internal static IReadOnlyList<string> Generic(JudgedAnalysis judged) =>
        [.. judged.Analysis.Workloads.Where(w => Own.All(o => o.Workload != w))];

    /// <summary>The report's "no verdict" sentences, so that no figure in the tables reads as a verdict the report withholds.</summary>
    internal static void WriteRefusals(TextWriter output, JudgedAnalysis judged)
    {
        var refused = judged.Verdicts.Where(v => judged.RefusalOf(v.Workload, v.Metric, v.Mode) is not null).ToList();
        if (refused.Count == 0)
        {
            return;
        }

        output.WriteLine("no verdict (as in the report):");
        foreach (var verdict in refused)
        {
            output.WriteLine("  " + verdict.Sentence);
        }

        output.WriteLine();
    }
}
