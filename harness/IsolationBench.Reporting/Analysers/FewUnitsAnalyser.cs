using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.Analysers;

/// <summary>Workloads where too few units left every comparison unjudged, with the option that gives enough.</summary>
public sealed class FewUnitsAnalyser : IAnalyser
{
    public Conclusions Analyse(AnalyserInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // Only a lack of units is worth this advice; other reasons (a phase with zeros has no log interval) are in the tables.
        var fewUnits = input.Analysis.Rows
            .Where(r => r.Comparison?.Withheld?.StartsWith("too few", StringComparison.Ordinal) == true)
            .Select(r => r.Workload).Distinct().ToList();
        return fewUnits.Count == 0 ? Conclusions.None : new Conclusions
        {
            Warnings = [FormattableString.Invariant(
                $"{string.Join(", ", fewUnits)}: fewer than {Significance.MinUnits} containers (or startup samples) per mode, so no difference there is called significant; run with --guest-rounds {Significance.MinUnits} (or --samples {Significance.MinUnits}) or more")],
        };
    }
}
