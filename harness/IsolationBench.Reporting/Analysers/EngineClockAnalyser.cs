using IsolationBench.Reporting.CrossCheck;

namespace IsolationBench.Reporting.Analysers;

/// <summary>The engine's own event clock against the harness's phases, as design checks; a disagreement beyond its bound is also a warning.</summary>
public sealed class EngineClockAnalyser : IAnalyser
{
    public Conclusions Analyse(AnalyserInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Analysis.EngineCrossChecked is not { } crossChecked || EngineEvents.Read(input.RunPath) is not { } events)
        {
            return Conclusions.None;
        }

        var rows = EngineClockCheck.Compare(events, input.AllSamples, crossChecked.Workload);
        return new Conclusions
        {
            DesignChecks = [.. rows.Select(r => "engine clock, " + r.Sentence)],
            Warnings = [.. rows.Where(r => r.Exceeds).Select(r => "engine clock disagrees with the harness: " + r.Sentence)],
        };
    }
}
