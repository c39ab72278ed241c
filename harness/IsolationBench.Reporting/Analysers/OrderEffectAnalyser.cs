using IsolationBench.Reporting.Output;
using IsolationBench.Reporting.Statistics;

namespace IsolationBench.Reporting.Analysers;

/// <summary>The order effect per mode as a design check; one beyond <see cref="OrderEffect.Threshold"/> is also a warning.</summary>
public sealed class OrderEffectAnalyser : IAnalyser
{
    public Conclusions Analyse(AnalyserInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lines = new List<string>();
        var warnings = new List<string>();
        foreach (var row in OrderEffect.Estimate(input.Analysis))
        {
            var groups = string.Join(", ", row.ByPredecessor.Select(g => FormattableString.Invariant($"after {g.Predecessor} {Fmt.Factor(g.Median)} ({g.Units} units)")));
            lines.Add($"order effect, {row.Mode} on {row.Workload}: median relative to the mode's own, by predecessor: {groups}; spread {Fmt.SignedPercent(row.Spread)}");
            if (row.Exceeds)
            {
                warnings.Add($"order effect beyond {OrderEffect.Threshold:P0}: {row.Mode} on {row.Workload} depends on which mode ran before it (spread {Fmt.SignedPercent(row.Spread)})");
            }
        }

        return new Conclusions { DesignChecks = lines, Warnings = warnings };
    }
}
