namespace IsolationBench.Reporting.Analysers;

/// <summary>One warning per series with failed samples: they are counted, never averaged in.</summary>
public sealed class FailedSamplesAnalyser : IAnalyser
{
    public Conclusions Analyse(AnalyserInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new Conclusions
        {
            Warnings = [.. input.Analysis.Rows.Where(r => r.Statistics.NFailed > 0).Select(r => FormattableString.Invariant(
                $"{r.Statistics.NFailed} failed sample(s) of {r.Mode} {r.Workload}/{r.Metric} were left out of the statistics"))],
        };
    }
}
