using System.Globalization;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;
using Spectre.Console;

namespace IsolationBench.Workloads;

/// <summary>What every console table writes the same way: an overhead with its interval and verdict mark, plain or coloured.</summary>
public static class ConsoleText
{
    /// <summary>"1.62× (1.55–1.70)", with " ?" when significance is withheld and " *" when significant.</summary>
    public static string Overhead(BaselineComparison? c) =>
        c is null ? "-" : $"{Fmt.Factor(c.Overhead)}× ({Fmt.Interval(c.OverheadCi, Fmt.Factor)}){(c.Withheld is not null ? " ?" : c.Significant ? " *" : string.Empty)}";

    /// <summary>The plain table's overhead text, coloured by its verdict: red a significant cost, green a significant gain, grey no verdict.</summary>
    public static string Verdict(BaselineComparison? comparison)
    {
        var text = Markup.Escape(Overhead(comparison));
        return comparison switch
        {
            null => text,
            { Withheld: not null } => $"[grey]{text}[/]",
            { Significant: true, Overhead: > 1 } => $"[red]{text}[/]",
            { Significant: true } => $"[green]{text}[/]",
            _ => text,
        };
    }

    /// <summary>A plain table, as text, on a rich terminal.</summary>
    public static void Plain(IAnsiConsole console, RunAnalysis analysis, Action<TextWriter, RunAnalysis> write)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(write);
        using var plain = new StringWriter(CultureInfo.InvariantCulture);
        write(plain, analysis);
        console.Write(new Text(plain.ToString()));
    }
}
