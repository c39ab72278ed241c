namespace IsolationBench.Reporting.Analysers;

/// <summary>A run that did not complete: some rounds or modes may be missing from every table.</summary>
public sealed class RunStatusAnalyser : IAnalyser
{
    public Conclusions Analyse(AnalyserInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var status = input.Analysis.Manifest.Status;
        return status == "complete" ? Conclusions.None
            : new Conclusions { Warnings = [$"run status is '{status}', not 'complete': some rounds or modes may be missing"] };
    }
}
