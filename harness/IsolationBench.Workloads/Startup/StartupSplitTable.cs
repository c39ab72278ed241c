using System.Globalization;
using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Workloads.Startup;

/// <summary>
/// The end-of-run runtime-direct table: its phases like startup's, then, from the report's own
/// <see cref="StartupSplitAnalysis"/>, where each mode's engine-path startup goes (runtime-direct + engine share) and
/// the sandbox's own cost.
/// </summary>
internal static class StartupSplitTable
{
    public static void Write(TextWriter output, RunAnalysis analysis)
    {
        StartupTable.Write(output, analysis, StartupWorkloads.RuntimeDirect);
        WriteSplit(output, analysis);
    }

    /// <summary>Its phases drawn like startup's; where startup goes, as text below them.</summary>
    public static void Draw(Spectre.Console.IAnsiConsole console, RunAnalysis analysis)
    {
        StartupDrawnTable.Draw(console, analysis, StartupWorkloads.RuntimeDirect);
        ConsoleText.Plain(console, analysis, WriteSplit);
    }

    /// <summary>Where startup goes and the sandbox's own cost, without the phase table.</summary>
    internal static void WriteSplit(TextWriter output, RunAnalysis analysis)
    {
        var split = StartupSplitAnalysis.From(analysis);
        if (split.Rows.Count > 0)
        {
            output.WriteLine($"where startup goes, ms  {"engine path",22} {"runtime-direct",22} {"engine share",22} {"share",6}");
            foreach (var r in split.Rows)
            {
                output.WriteLine(Invariant(
                    $"  {r.Mode,-22}{StartupSplitSection.Cell(r.EnginePath.Median, r.EnginePath.Ci),22} {StartupSplitSection.Cell(r.RuntimeDirect.Median, r.RuntimeDirect.Ci),22} {StartupSplitSection.Cell(r.EngineShare, r.EngineShareCi),22} {StartupSplitSection.Percent(r.EngineFraction),6}"));
            }

            output.WriteLine("  (medians of the lifecycle totals; engine share = difference of the medians, unpaired bootstrap 95 % CI)");
        }

        foreach (var s in split.Sandbox)
        {
            output.WriteLine(Invariant($"  sandbox's own cost: {s.Mode} / {s.Against} runtime-direct total = {Fmt.Factor(s.Ratio)}× ({Fmt.Interval(s.Ci, Fmt.Factor)})"));
        }

        if (!split.IsEmpty)
        {
            output.WriteLine();
        }
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
